// ClusterStore: one simulated cluster's in-memory storage (see types.ts for the contract). Each cluster serves
// its own kinds: the shared fixed registry plus what this cluster's CustomResourceDefinitions registered (an
// overlay per store), kept current by the CRD controllers after every write.
import { typeKey } from "./builtin-types";
import { createCrdController } from "./crd/crd-controller";
import { beginCrdDeletion } from "./crd/crd-finalizer";
import { isCrdType } from "./crd/crd-kind";
import { clone } from "./object-util";
import { statusError } from "./status";
import { createObject } from "./store-create";
import { StoreCore } from "./store-core";
import { deleteObject } from "./store-delete";
import { updateObject } from "./store-update";
import { createOverlayRegistry } from "./type-overlay";
import type { ClusterStore, KubeObject, ResourceType, TypeRegistry, WriteOptions } from "./types";

export interface ClusterStoreOptions {
  /**
   * Optional count cap per kind (tests only); by default history is kept by time: 5 minutes, as etcd compaction
   * (watch-history.ts).
   */
  historySize?: number;
}

/** The crdHandler's answer to a create while the type's CRD is being deleted. */
function terminatingCreate(type: ResourceType): Error {
  const message = "create not allowed while custom resource definition is terminating";
  return statusError(405, "MethodNotAllowed", message, { group: type.group, kind: type.plural });
}

export function createClusterStore(cluster: string, fixedTypes: TypeRegistry, options: ClusterStoreOptions = {}): ClusterStore {
  const types = createOverlayRegistry(fixedTypes);
  const core = new StoreCore(cluster, types, options.historySize ?? Number.POSITIVE_INFINITY);
  const crds = createCrdController(core, types);
  // The controllers run after the write has committed (never inside a watch delivery), so every watcher sees the
  // write's event before the status update it causes.
  const written = <T>(type: ResourceType, result: T, opts?: WriteOptions | { dryRun?: boolean }): T => {
    if (!opts?.dryRun) crds.afterWrite(type);
    return result;
  };
  return {
    cluster,
    types,
    currentResourceVersion: () => String(core.resourceVersion),
    list: (type, namespace) => core.peekAll(type, namespace).map(clone),
    peek: (type, namespace) => core.peekAll(type, namespace),
    get: (type, namespace, name) => {
      const found = core.peek(type, namespace, name);
      return found ? clone(found) : undefined;
    },
    create: (type, object: KubeObject, opts) => {
      if (crds.isTerminating(type)) throw terminatingCreate(type);
      return written(type, createObject(core, type, object, opts), opts);
    },
    update: (type, object, opts) => written(type, updateObject(core, type, object, opts), opts),
    delete: (type, namespace, name, opts) => {
      const result = isCrdType(type) ? beginCrdDeletion(core, type, name, opts ?? {}) : deleteObject(core, type, namespace, name, opts ?? {});
      return written(type, result, opts);
    },
    watch: (type: ResourceType, from, onEvent, onEnd) => {
      const key = typeKey(type);
      // Replay and subscribe in one synchronous step so no event falls between them.
      const replay = from === undefined ? [] : core.history.since(key, from, core.resourceVersion);
      for (const event of replay) onEvent(event);
      return core.history.subscribe(key, onEvent, onEnd);
    },
  };
}

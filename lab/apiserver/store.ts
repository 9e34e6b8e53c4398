// ClusterStore: one simulated cluster's in-memory storage (see types.ts for the contract).
import { typeKey } from "./builtin-types";
import { clone } from "./object-util";
import { createObject } from "./store-create";
import { StoreCore } from "./store-core";
import { deleteObject } from "./store-delete";
import { updateObject } from "./store-update";
import type { ClusterStore, ResourceType, TypeRegistry } from "./types";

export interface ClusterStoreOptions {
  /** How many events the cluster keeps per kind for watch resumption and consistent paging (default 1000). */
  historySize?: number;
}

export function createClusterStore(cluster: string, types: TypeRegistry, options: ClusterStoreOptions = {}): ClusterStore {
  const core = new StoreCore(cluster, types, options.historySize ?? 1000);
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
    create: (type, object, opts) => createObject(core, type, object, opts),
    update: (type, object, opts) => updateObject(core, type, object, opts),
    delete: (type, namespace, name, opts) => deleteObject(core, type, namespace, name, opts ?? {}),
    watch: (type: ResourceType, from, onEvent) => {
      const key = typeKey(type);
      // Replay and subscribe in one synchronous step so no event falls between them.
      const replay = from === undefined ? [] : core.history.since(key, from, core.resourceVersion);
      for (const event of replay) onEvent(event);
      return core.history.subscribe(key, onEvent);
    },
  };
}

// Create, as the generic registry does it: namespace admission (exists, not terminating), generateName, name
// validation, system metadata, PrepareForCreate, uniqueness.
import { tracksGeneration } from "./builtin-types";
import { apiVersionOf } from "./define-type";
import { prepareForCreate } from "./defaults";
import { beforeStore } from "./kind-strategy";
import { withManagedFields } from "./managed-fields";
import { generatedName, newUid, nowTimestamp, validateName } from "./object-meta";
import { clone, isRecord } from "./object-util";
import { alreadyExists, forbidden, invalid, namespaceNotFound } from "./status";
import type { StoreCore } from "./store-core";
import type { KubeObject, ResourceType, WriteOptions } from "./types";

/** NamespaceLifecycle admission: the namespace must exist and not be terminating. */
export function admitNamespace(core: StoreCore, type: ResourceType, namespace: string | undefined, name: string): void {
  if (!type.namespaced || namespace === undefined) return;
  const nsType = core.types.byKind("", "Namespace");
  const ns = nsType ? core.peek(nsType, undefined, namespace) : undefined;
  if (!ns) throw namespaceNotFound(namespace);
  if (ns.metadata.deletionTimestamp) {
    const why = `unable to create new content in namespace ${namespace} because it is being terminated`;
    throw forbidden(type, name, why, [{ reason: "NamespaceTerminating", message: `namespace ${namespace} is being terminated`, field: "metadata.namespace" }]);
  }
}

function resolveName(core: StoreCore, type: ResourceType, meta: KubeObject["metadata"]): string {
  if (meta.name) return meta.name;
  if (!meta.generateName) {
    throw invalid(type, "", [{ field: "metadata.name", reason: "FieldValueRequired", detail: "Required value: name or generateName is required" }]);
  }
  // Retry a few times on the (rare) collision, as the create handler's generateName retry does.
  for (let attempt = 0; attempt < 8; attempt++) {
    const candidate = generatedName(meta.generateName);
    if (!core.peek(type, meta.namespace, candidate)) return candidate;
  }
  throw alreadyExists(type, meta.generateName);
}

export function createObject(core: StoreCore, type: ResourceType, input: KubeObject, options: WriteOptions = {}): KubeObject {
  const object = clone(input);
  object.apiVersion = apiVersionOf(type.group, type.version);
  object.kind = type.kind;
  const meta = isRecord(object.metadata) ? object.metadata : (object.metadata = {});
  if (!type.namespaced) delete meta.namespace;
  admitNamespace(core, type, meta.namespace, meta.name ?? "");
  const name = resolveName(core, type, meta);
  const errors = validateName(type.kind, name, type.group);
  if (errors.length > 0) throw invalid(type, name, errors);
  if (core.peek(type, meta.namespace, name)) throw alreadyExists(type, name);
  const now = nowTimestamp();
  meta.name = name;
  meta.uid = newUid();
  meta.creationTimestamp = now;
  if (tracksGeneration(type)) meta.generation = 1;
  else delete meta.generation;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.resourceVersion;
  prepareForCreate(type, object, core.alloc);
  beforeStore(type, object, undefined);
  withManagedFields(type, undefined, object, options, now);
  if (options.dryRun) return { ...object, metadata: { ...meta } };
  return clone(core.commit(type, "ADDED", object));
}

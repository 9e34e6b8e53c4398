// Update (PUT semantics), as the generic registry does it: preconditions, status-subresource split, system
// metadata kept, generation on spec changes only, finalizer rules, identical rewrite = no-op, and deletion when the
// last finalizer of an object being deleted goes.
import { CREATES_ON_UPDATE, tracksGeneration, typeKey } from "./builtin-types";
import { apiVersionOf } from "./define-type";
import { defaultedForRead } from "./custom-admission";
import { applyDefaults } from "./defaults";
import { beforeStore } from "./kind-strategy";
import { withManagedFields } from "./managed-fields";
import { nowTimestamp } from "./object-meta";
import { clone, deepEqual } from "./object-util";
import { conflict, invalid, notFound } from "./status";
import { createObject } from "./store-create";
import type { StoreCore } from "./store-core";
import { finishNamespaceIfEmpty, removeObject } from "./store-delete";
import type { KubeObject, ResourceType, WriteOptions } from "./types";

const SYSTEM_META = ["name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation"] as const;

/**
 * The update's preconditions, in upstream's order: the written object's metadata.uid is a UID precondition
 * (rest.DefaultUpdatedObjectInfo.Preconditions), checked by the storage before anything else, so a PUT naming
 * another incarnation of the object (deleted and re-created under the same name) is 409, never a silent overwrite;
 * then the resourceVersion.
 */
function checkPreconditions(type: ResourceType, existing: KubeObject, incoming: KubeObject): void {
  const name = existing.metadata.name ?? "";
  const uid = incoming.metadata.uid;
  if (uid && uid !== existing.metadata.uid) {
    throw conflict(type, name, `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${existing.metadata.uid ?? ""}`);
  }
  const rv = incoming.metadata.resourceVersion;
  if (!rv) {
    // CRDs (and status writes of them) do not allow unconditional updates; built-ins do.
    if (type.custom) throw invalid(type, name, [{ field: "metadata.resourceVersion", reason: "FieldValueInvalid", detail: "Invalid value: 0x0: must be specified for an update" }]);
    return;
  }
  if (rv !== existing.metadata.resourceVersion) throw conflict(type, name);
}

/** The object minus what generation does not track (metadata, and status when a subresource owns it). */
function specPart(type: ResourceType, object: KubeObject): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...object };
  delete rest.metadata;
  delete rest.apiVersion;
  delete rest.kind;
  if (type.subresources.status) delete rest.status;
  return rest;
}

function mergeForWrite(type: ResourceType, existing: KubeObject, incoming: KubeObject, options: WriteOptions): KubeObject {
  if (options.subresource === "status") {
    // Status writes change only .status (and managedFields, which the field manager maintains).
    const next = clone(existing);
    if (incoming.status === undefined) delete next.status;
    else next.status = clone(incoming.status);
    if (options.keepManagedFields) next.metadata.managedFields = clone(incoming.metadata.managedFields);
    return next;
  }
  const next = clone(incoming);
  next.apiVersion = existing.apiVersion;
  next.kind = existing.kind;
  if (type.subresources.status) {
    if (existing.status === undefined) delete next.status;
    else next.status = clone(existing.status);
  }
  const meta: Record<string, unknown> = next.metadata;
  for (const field of SYSTEM_META) {
    if (existing.metadata[field] === undefined) delete meta[field];
    else meta[field] = existing.metadata[field];
  }
  return next;
}

function checkFinalizers(type: ResourceType, existing: KubeObject, next: KubeObject): void {
  if (!existing.metadata.deletionTimestamp) return;
  const before = new Set(existing.metadata.finalizers ?? []);
  const added = (next.metadata.finalizers ?? []).filter((f) => !before.has(f));
  if (added.length === 0) return;
  const detail = `Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => `"${f}"`).join(", ")}}`;
  throw invalid(type, existing.metadata.name ?? "", [{ field: "metadata.finalizers", reason: "FieldValueForbidden", detail }]);
}

export function updateObject(core: StoreCore, type: ResourceType, input: KubeObject, options: WriteOptions = {}): KubeObject {
  const incoming = clone(input);
  incoming.metadata ??= {};
  const namespace = type.namespaced ? incoming.metadata.namespace : undefined;
  const name = incoming.metadata.name ?? "";
  const live = core.peek(type, namespace, name);
  // As upstream decodes the old object from etcd: pruned and defaulted by the current schema, so a schema change
  // alone neither bumps generation nor makes an identical rewrite a change.
  const existing = live ? defaultedForRead(type, live) : undefined;
  if (!existing) {
    if (CREATES_ON_UPDATE.has(typeKey(type)) && !options.subresource) return createObject(core, type, incoming, options);
    throw notFound(type, name);
  }
  checkPreconditions(type, existing, incoming);
  const next = mergeForWrite(type, existing, incoming, options);
  next.apiVersion = apiVersionOf(type.group, type.version);
  if (!options.subresource) applyDefaults(type, next, core.alloc, existing);
  beforeStore(type, next, existing, options.subresource);
  checkFinalizers(type, existing, next);
  if (tracksGeneration(type) && !deepEqual(specPart(type, next), specPart(type, existing))) {
    next.metadata.generation = (existing.metadata.generation ?? 0) + 1;
  }
  next.metadata.resourceVersion = existing.metadata.resourceVersion;
  withManagedFields(type, existing, next, options, nowTimestamp());
  if (deepEqual(next, existing)) return clone(existing);
  const isNamespace = type.group === "" && type.kind === "Namespace";
  // Upstream (Store.shouldDeleteDuringUpdate) deletes instead of updating only when this update removes the last
  // finalizer and no grace period is pending: a Terminating pod (no finalizers, grace period running) keeps
  // taking status writes until the kubelet deletes it.
  const emptiesFinalizers = (existing.metadata.finalizers ?? []).length > 0 && (next.metadata.finalizers ?? []).length === 0;
  const gracePending = (existing.metadata.deletionGracePeriodSeconds ?? 0) > 0;
  if (!isNamespace && next.metadata.deletionTimestamp && emptiesFinalizers && !gracePending) {
    // Upstream aborts the update and deletes instead (errEmptiedFinalizers); the DELETED event carries the
    // last stored state.
    if (options.dryRun) return next;
    return removeObject(core, type, existing);
  }
  if (options.dryRun) return next;
  const stored = clone(core.commit(type, "MODIFIED", next, existing));
  if (isNamespace) finishNamespaceIfEmpty(core, name);
  return stored;
}

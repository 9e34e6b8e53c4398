// Delete, honouring finalizers (graceful: deletionTimestamp set, object kept until the last finalizer goes), pods'
// graceful termination (Terminating for a grace period, until the kubelet has stopped it) and the namespace
// lifecycle (phase Terminating, contents deleted, then the namespace itself). propagationPolicy Orphan/Foreground
// put the garbage collector's finalizers on the object (gc-finalizers.ts); the lab's garbage collector
// (lab/controllers/gc-graph.ts) then orphans or deletes the dependents and removes the finalizer.
import { gcFinalizers, type PropagationOptions } from "./gc-finalizers";
import { nowTimestamp } from "./object-meta";
import { clone } from "./object-util";
import { conflict, notFound } from "./status";
import type { StoreCore } from "./store-core";
import type { KubeObject, ResourceType } from "./types";

/** The DeleteOptions the store honours. */
export interface DeleteOptions extends PropagationOptions {
  dryRun?: boolean;
  /** DeleteOptions.gracePeriodSeconds: only pods have a grace period (0 = delete now, as `--force --grace-period=0`). */
  gracePeriodSeconds?: number;
}

export interface DeleteResult {
  object: KubeObject;
  gone: boolean;
}

const NAMESPACE_BUSY =
  "The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.";

/** Removes the object now: one DELETED event carrying its last state. */
export function removeObject(core: StoreCore, type: ResourceType, existing: KubeObject): KubeObject {
  const deleted = clone(core.commit(type, "DELETED", existing, existing));
  const namespace = existing.metadata.namespace;
  if (type.namespaced && namespace) finishNamespaceIfEmpty(core, namespace);
  return deleted;
}

/** markAsDeleting: the first delete stamps the time and bumps generation; a later one keeps both. */
function markDeleting(existing: KubeObject): KubeObject {
  const next = clone(existing);
  if (!existing.metadata.deletionTimestamp) {
    next.metadata.deletionTimestamp = nowTimestamp();
    if ((next.metadata.generation ?? 0) > 0) next.metadata.generation = (next.metadata.generation ?? 0) + 1;
  }
  next.metadata.deletionGracePeriodSeconds = 0;
  return next;
}

function withFinalizers(object: KubeObject, finalizers: string[] | undefined): KubeObject {
  if (finalizers === undefined) return object;
  const next = clone(object);
  if (finalizers.length > 0) next.metadata.finalizers = finalizers;
  else delete next.metadata.finalizers;
  return next;
}

export function deleteObject(core: StoreCore, type: ResourceType, namespace: string | undefined, name: string, options: boolean | DeleteOptions = {}): DeleteResult {
  const opts: DeleteOptions = typeof options === "boolean" ? { dryRun: options } : options;
  const { dryRun = false, gracePeriodSeconds } = opts;
  const existing = core.peek(type, namespace, name);
  if (!existing) throw notFound(type, name);
  if (type.kind === "Namespace" && type.group === "") return deleteNamespace(core, type, existing, dryRun);
  // Store.Delete: the finalizers are settled first (a pending graceful deletion takes no new ones), then the
  // object either goes now (nothing pending) or is marked deleting.
  const gracePending = (existing.metadata.deletionGracePeriodSeconds ?? 0) > 0;
  const finalizerUpdate = gracePending ? undefined : gcFinalizers(type, existing, opts);
  if (type.kind === "Pod" && type.group === "") {
    const grace = podGracePeriod(existing, gracePeriodSeconds);
    if (grace > 0) return deleteGracefully(core, type, withFinalizers(existing, finalizerUpdate), existing, grace, dryRun);
  }
  const finalizers = finalizerUpdate ?? existing.metadata.finalizers ?? [];
  if (finalizers.length === 0) {
    if (dryRun) return { object: clone(existing), gone: true };
    return { object: removeObject(core, type, existing), gone: true };
  }
  if (existing.metadata.deletionTimestamp && finalizerUpdate === undefined && !gracePending) return { object: clone(existing), gone: false };
  const next = withFinalizers(markDeleting(existing), finalizerUpdate);
  if (dryRun) return { object: next, gone: false };
  return { object: clone(core.commit(type, "MODIFIED", next, existing)), gone: false };
}

const DEFAULT_POD_GRACE_SECONDS = 30;

/**
 * The grace period a pod delete gets, as upstream's pod strategy (CheckGracefulDelete) and rest.BeforeDelete
 * decide it: the request's gracePeriodSeconds (negative means 1), else spec.terminationGracePeriodSeconds (default
 * 30); 0 for a pod no node runs (unscheduled) and for one whose containers have all finished (phase Succeeded or
 * Failed: the kubelet writes that phase before it removes a pod, so nothing is left to wait for). A pod already
 * Terminating keeps its period unless the request asks for a shorter one.
 */
function podGracePeriod(pod: KubeObject, requested: number | undefined): number {
  const spec = (pod.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (!spec.nodeName || phase === "Succeeded" || phase === "Failed") return 0;
  if (requested !== undefined) return requested < 0 ? 1 : Math.floor(requested);
  if (pod.metadata.deletionTimestamp) return pod.metadata.deletionGracePeriodSeconds ?? 0;
  return spec.terminationGracePeriodSeconds ?? DEFAULT_POD_GRACE_SECONDS;
}

/**
 * The terminating pod (deletionTimestamp = now + grace, the time by which it must be gone, and
 * deletionGracePeriodSeconds = grace), or undefined when nothing changes: a pending deletion only ever shortens.
 */
function markTerminating(existing: KubeObject, grace: number): KubeObject | undefined {
  const previous = existing.metadata.deletionGracePeriodSeconds;
  if (existing.metadata.deletionTimestamp && previous !== undefined && grace >= previous) return undefined;
  const next = clone(existing);
  const start = existing.metadata.deletionTimestamp
    ? Date.parse(existing.metadata.deletionTimestamp) - (previous ?? 0) * 1000
    : Date.now();
  next.metadata.deletionTimestamp = nowTimestamp(new Date(start + grace * 1000));
  next.metadata.deletionGracePeriodSeconds = grace;
  if ((next.metadata.generation ?? 0) > 0 && !existing.metadata.deletionTimestamp) next.metadata.generation = (next.metadata.generation ?? 0) + 1;
  return next;
}

/** A pod's graceful deletion: Terminating until its kubelet has stopped it (or a shorter grace period comes). */
function deleteGracefully(core: StoreCore, type: ResourceType, wanted: KubeObject, existing: KubeObject, grace: number, dryRun: boolean): DeleteResult {
  const next = markTerminating(wanted, grace) ?? (wanted === existing ? undefined : wanted);
  if (!next) return { object: clone(existing), gone: false };
  if (dryRun) return { object: next, gone: false };
  return { object: clone(core.commit(type, "MODIFIED", next, existing)), gone: false };
}

function deleteNamespace(core: StoreCore, type: ResourceType, existing: KubeObject, dryRun: boolean): DeleteResult {
  const name = existing.metadata.name ?? "";
  if (existing.metadata.deletionTimestamp) throw conflict(type, name, NAMESPACE_BUSY);
  const next = markDeleting(existing);
  next.status = { ...(typeof existing.status === "object" ? existing.status : {}), phase: "Terminating" };
  if (dryRun) return { object: next, gone: false };
  const terminating = clone(core.commit(type, "MODIFIED", next, existing));
  // What the namespace controller does: delete every namespaced object in it (finalizers are honoured, so some
  // may linger), then purge the namespace once it is empty.
  for (const contentType of core.types.all().filter((t) => t.namespaced)) {
    for (const object of core.peekAll(contentType, name)) {
      if (!object.metadata.deletionTimestamp || (object.metadata.finalizers ?? []).length === 0) {
        deleteObject(core, contentType, name, object.metadata.name ?? "");
      }
    }
  }
  finishNamespaceIfEmpty(core, name);
  return { object: terminating, gone: !core.peek(type, undefined, name) };
}

/** Purges a terminating namespace once nothing is left in it and no finalizer holds it. */
export function finishNamespaceIfEmpty(core: StoreCore, namespace: string): void {
  const nsType = core.types.byKind("", "Namespace");
  if (!nsType) return;
  const ns = core.peek(nsType, undefined, namespace);
  if (!ns?.metadata.deletionTimestamp) return;
  if ((ns.metadata.finalizers ?? []).length > 0) return;
  const remaining = core.types.all().some((t) => t.namespaced && core.peekAll(t, namespace).length > 0);
  if (!remaining) core.commit(nsType, "DELETED", ns, ns);
}

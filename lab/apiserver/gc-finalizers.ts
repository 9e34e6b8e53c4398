// The garbage-collection finalizers a delete puts on (or takes off) an object, as the generic registry's
// deletionFinalizersForGarbageCollection decides them: `orphan` (propagationPolicy Orphan, or the deprecated
// orphanDependents=true) makes the garbage collector strip the object's ownerReference from its dependents before
// it goes; `foregroundDeletion` (Foreground) makes it delete the dependents first. Background, the default of
// every apps/v1 and core kind, sets neither and removes both.
import type { PropagationPolicy } from "./delete-options";
import type { KubeObject, ResourceType } from "./types";

export const ORPHAN_FINALIZER = "orphan";
export const FOREGROUND_FINALIZER = "foregroundDeletion";

export interface PropagationOptions {
  propagationPolicy?: PropagationPolicy;
  orphanDependents?: boolean;
}

/** Strategies whose DefaultGarbageCollectionPolicy is Unsupported: deleting them never touches these finalizers. */
function gcUnsupported(type: ResourceType): boolean {
  return type.kind === "Event" && (type.group === "" || type.group === "events.k8s.io");
}

/** shouldOrphanDependents: an explicit option wins, then a finalizer already on the object, then the default (no). */
function shouldOrphan(finalizers: string[], options: PropagationOptions): boolean {
  if (options.orphanDependents !== undefined) return options.orphanDependents;
  if (options.propagationPolicy !== undefined) return options.propagationPolicy === "Orphan";
  const first = finalizers.find((f) => f === ORPHAN_FINALIZER || f === FOREGROUND_FINALIZER);
  return first === ORPHAN_FINALIZER;
}

/** shouldDeleteDependents: Foreground asked for now, or already on the object when nothing was asked. */
function shouldForeground(finalizers: string[], options: PropagationOptions): boolean {
  if (options.orphanDependents !== undefined) return false;
  if (options.propagationPolicy !== undefined) return options.propagationPolicy === "Foreground";
  const first = finalizers.find((f) => f === ORPHAN_FINALIZER || f === FOREGROUND_FINALIZER);
  return first === FOREGROUND_FINALIZER;
}

/** The object's finalizers after this delete, or undefined when they do not change (as a set). */
export function gcFinalizers(type: ResourceType, object: KubeObject, options: PropagationOptions): string[] | undefined {
  if (gcUnsupported(type)) return undefined;
  const current = object.metadata.finalizers ?? [];
  const next = current.filter((f) => f !== ORPHAN_FINALIZER && f !== FOREGROUND_FINALIZER);
  if (shouldOrphan(current, options)) next.push(ORPHAN_FINALIZER);
  if (shouldForeground(current, options)) next.push(FOREGROUND_FINALIZER);
  const same = next.length === new Set(current).size && next.every((f) => current.includes(f));
  return same ? undefined : next;
}

// The owner/dependent graph the garbage collector walks (as kube-controller-manager's GraphBuilder keeps it):
// informer caches for every kind, an index owner uid → dependents, and the collector's two decisions:
// attemptToDeleteItem (a dependent whose owners are gone, or waiting for their dependents, is deleted; references
// to such owners are dropped while a live owner remains) and processing an owner being deleted with the
// `orphan` (strip its references from the dependents) or `foregroundDeletion` finalizer (delete the dependents,
// wait for those that block owner deletion).
import type { DeleteOptions } from "../apiserver/store-delete";
import type { KubeObject, ResourceType } from "../apiserver/types";
import type { ControllerContext } from "./context";
import type { Informer } from "./informer";
import { splitKey } from "./object-util";

const MANAGER = "generic-garbage-collector";
export const FOREGROUND = "foregroundDeletion";
export const ORPHAN = "orphan";

type OwnerRef = Record<string, unknown>;

export interface GcGraph {
  ctx: ControllerContext;
  /** Informers by "<group>/<Kind>". */
  informers: Map<string, Informer>;
  /** owner uid → ids ("<group>/<Kind>|<ns>/<name>") of the objects referencing it. */
  dependents: Map<string, Set<string>>;
  /** id → the owner uids it referenced when last seen (to keep `dependents` right on changes). */
  owned: Map<string, string[]>;
  /** uid → id of every live object that is some object's owner. */
  ids: Map<string, string>;
}

export function typeId(type: ResourceType): string {
  return `${type.group}/${type.kind}`;
}

export function itemId(type: ResourceType, obj: KubeObject): string {
  return `${typeId(type)}|${obj.metadata.namespace ?? ""}/${obj.metadata.name ?? ""}`;
}

export function resolveItem(graph: GcGraph, id: string): { informer: Informer; obj: KubeObject | undefined } | undefined {
  const bar = id.indexOf("|");
  const informer = graph.informers.get(id.slice(0, bar));
  if (!informer) return undefined;
  const { namespace, name } = splitKey(id.slice(bar + 1));
  return { informer, obj: informer.get(namespace, name) };
}

function groupOf(apiVersion: unknown): string {
  const text = String(apiVersion ?? "");
  return text.includes("/") ? (text.split("/")[0] ?? "") : "";
}

/** The informer of the kind a reference names, or undefined for a kind this cluster does not serve. */
function ownerInformer(graph: GcGraph, ref: OwnerRef): Informer | undefined {
  return graph.informers.get(`${groupOf(ref.apiVersion)}/${String(ref.kind)}`);
}

type OwnerState = "solid" | "dangling" | "waiting";

/** classifyReferences: absent or another incarnation (uid differs) = dangling; foreground-deleting = waiting. */
function ownerState(graph: GcGraph, dep: KubeObject, ref: OwnerRef, informer: Informer): OwnerState {
  const owner = informer.get(informer.type.namespaced ? dep.metadata.namespace : undefined, String(ref.name));
  if (!owner || owner.metadata.uid !== ref.uid) return "dangling";
  if (owner.metadata.deletionTimestamp && owner.metadata.finalizers?.includes(FOREGROUND)) return "waiting";
  return "solid";
}

function updateMeta(graph: GcGraph, type: ResourceType, obj: KubeObject, meta: Partial<KubeObject["metadata"]>): void {
  const metadata = { ...obj.metadata, ...meta };
  for (const [key, value] of Object.entries(meta)) if (value === undefined) delete (metadata as Record<string, unknown>)[key];
  graph.ctx.store.update(type, { ...obj, metadata }, { fieldManager: MANAGER });
}

/** The propagation a collected dependent is deleted with: its own GC finalizer if it has one, else Background. */
function policyFor(obj: KubeObject, waiting: boolean): "Foreground" | "Background" | "Orphan" {
  const finalizers = obj.metadata.finalizers ?? [];
  if (waiting || finalizers.includes(FOREGROUND)) return "Foreground";
  return finalizers.includes(ORPHAN) ? "Orphan" : "Background";
}

/** attemptToDeleteItem for one dependent. */
export function collectDependent(graph: GcGraph, id: string): void {
  const item = resolveItem(graph, id);
  const dep = item?.obj;
  const refs = (dep?.metadata.ownerReferences ?? []) as OwnerRef[];
  if (!item || !dep || dep.metadata.deletionTimestamp || refs.length === 0) return;
  const informers = refs.map((r) => ownerInformer(graph, r));
  // A reference to a kind this cluster does not serve cannot be judged: leave the object alone.
  if (informers.some((i) => i === undefined)) return;
  const states = refs.map((r, i) => ownerState(graph, dep, r, informers[i] as Informer));
  if (states.includes("solid")) {
    if (states.every((s) => s === "solid")) return;
    const ownerReferences = refs.filter((_, i) => states[i] === "solid");
    updateMeta(graph, item.informer.type, dep, { ownerReferences });
    return;
  }
  const waiting = states.includes("waiting") && (graph.dependents.get(dep.metadata.uid ?? "")?.size ?? 0) > 0;
  const { namespace, name } = dep.metadata;
  const options: DeleteOptions = { propagationPolicy: policyFor(dep, waiting) };
  graph.ctx.store.delete(item.informer.type, namespace, name ?? "", options);
}

function dependentItems(graph: GcGraph, owner: KubeObject): Array<{ id: string; type: ResourceType; obj: KubeObject }> {
  const out: Array<{ id: string; type: ResourceType; obj: KubeObject }> = [];
  for (const id of graph.dependents.get(owner.metadata.uid ?? "") ?? []) {
    const item = resolveItem(graph, id);
    if (item?.obj) out.push({ id, type: item.informer.type, obj: item.obj });
  }
  return out;
}

/**
 * An owner being deleted. Orphan: strip its reference from every dependent, then drop `orphan`. Foreground: the
 * dependents are collected (returned so the caller queues them); once none with blockOwnerDeletion is left, drop
 * `foregroundDeletion` (the store then removes the owner if no other finalizer holds it).
 */
export function finishOwner(graph: GcGraph, id: string): string[] {
  const item = resolveItem(graph, id);
  const owner = item?.obj;
  const finalizers = owner?.metadata.finalizers ?? [];
  if (!item || !owner?.metadata.deletionTimestamp) return [];
  const uid = owner.metadata.uid;
  const deps = dependentItems(graph, owner);
  if (finalizers.includes(ORPHAN)) {
    for (const { type, obj } of deps) {
      const ownerReferences = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      updateMeta(graph, type, obj, { ownerReferences: ownerReferences.length > 0 ? ownerReferences : undefined });
    }
    const rest = finalizers.filter((f) => f !== ORPHAN);
    updateMeta(graph, item.informer.type, owner, { finalizers: rest.length > 0 ? rest : undefined });
    return [];
  }
  if (!finalizers.includes(FOREGROUND)) return [];
  const blocking = deps.filter(({ obj }) => (obj.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.blockOwnerDeletion === true));
  if (blocking.length === 0) {
    const rest = finalizers.filter((f) => f !== FOREGROUND);
    updateMeta(graph, item.informer.type, owner, { finalizers: rest.length > 0 ? rest : undefined });
    return [];
  }
  return deps.filter(({ obj }) => !obj.metadata.deletionTimestamp).map(({ id: depId }) => depId);
}

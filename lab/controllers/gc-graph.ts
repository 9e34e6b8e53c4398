// The owner/dependent graph the garbage collector walks, over the informer caches, and its two decisions:
// delete a dependent whose owners are gone, and finish an owner waiting in foreground/orphan deletion.
import type { KubeObject, ResourceType } from "../apiserver/types";
import type { ControllerContext } from "./context";
import type { Informer } from "./informer";
import { splitKey } from "./object-util";

const MANAGER = "kube-controller-manager";
const FOREGROUND = "foregroundDeletion";
const ORPHAN = "orphan";

export interface GcGraph {
  ctx: ControllerContext;
  /** Owner kinds the collector can judge (by kind name: the lab's kinds are unique by name). */
  owners: Map<string, Informer>;
  dependents: Informer[];
}

/** The live owner an ownerReference names (same uid), or undefined when it is gone. */
function ownerOf(graph: GcGraph, dep: KubeObject, ref: Record<string, unknown>): KubeObject | undefined {
  const informer = graph.owners.get(String(ref.kind));
  const owner = informer?.get(informer.type.namespaced ? dep.metadata.namespace : undefined, String(ref.name));
  return owner?.metadata.uid === ref.uid ? owner : undefined;
}

export function dependentsOf(graph: GcGraph, owner: KubeObject): Array<{ type: ResourceType; obj: KubeObject }> {
  return graph.dependents.flatMap((inf) =>
    inf
      .list(owner.metadata.namespace)
      .filter((d) => (d.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid))
      .map((obj) => ({ type: inf.type, obj })),
  );
}

/** Background propagation: a dependent all of whose owners are gone (or being foreground-deleted) is deleted. */
export function collectDependent(graph: GcGraph, type: ResourceType, key: string): void {
  const { namespace, name } = splitKey(key);
  const dep = graph.ctx.informers.for(type).get(namespace, name);
  const refs = dep?.metadata.ownerReferences ?? [];
  // Only references to kinds this collector knows are judged; anything else is left alone.
  if (!dep || dep.metadata.deletionTimestamp || refs.length === 0 || !refs.every((r) => graph.owners.has(String(r.kind)))) return;
  const live = refs.map((r) => ownerOf(graph, dep, r));
  const foregroundOwner = live.some((o) => o?.metadata.deletionTimestamp && o.metadata.finalizers?.includes(FOREGROUND));
  if (live.every((o) => o === undefined) || foregroundOwner) graph.ctx.store.delete(type, namespace, name);
}

/** Foreground: delete dependents, then drop the finalizer. Orphan: strip the ownerReferences, then drop it. */
export function finishOwner(graph: GcGraph, type: ResourceType, key: string): void {
  const { store } = graph.ctx;
  const { namespace, name } = splitKey(key);
  const owner = graph.ctx.informers.for(type).get(namespace, name);
  const finalizers = owner?.metadata.finalizers ?? [];
  if (!owner?.metadata.deletionTimestamp || !(finalizers.includes(FOREGROUND) || finalizers.includes(ORPHAN))) return;
  const deps = dependentsOf(graph, owner);
  if (finalizers.includes(ORPHAN)) {
    for (const { type: t, obj } of deps) {
      const ownerReferences = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
      store.update(t, { ...obj, metadata: { ...obj.metadata, ownerReferences } }, { fieldManager: MANAGER });
    }
  } else if (deps.length > 0) {
    for (const { type: t, obj } of deps) if (!obj.metadata.deletionTimestamp) store.delete(t, obj.metadata.namespace, obj.metadata.name ?? "");
    return; // the dependents' DELETED events bring us back here
  }
  const rest = finalizers.filter((f) => f !== FOREGROUND && f !== ORPHAN);
  store.update(type, { ...owner, metadata: { ...owner.metadata, finalizers: rest } }, { fieldManager: MANAGER });
}

// Snapshot → what the registry observed per cluster: the objects of the kinds the planner generates (ours and
// everyone else's — a foreign object under a planned name must be seen to be left alone).
import type { DesiredKind } from "@/lib/plan/desired";
import { timestamp } from "./json-read";
import { managersOf } from "./ownership";
import type { ClusterSnapshot, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { SnapshotObject } from "./raw-object";
import { remembered, type RegistryMemos } from "./registry-memos";
import { chunksOf, isStale, joined, listOf } from "./snapshot-lists";
import { REGISTRY_KINDS, type ObservedCluster, type ObservedObject } from "./types";

// An unchanged live object keeps its identity across snapshots; so does its observed view, with `memos` (the diff
// remembers comparisons per object pair).
function toObserved(kind: DesiredKind, o: SnapshotObject, memos: RegistryMemos | undefined): ObservedObject | undefined {
  const cached = memos?.views.get(o);
  if (cached?.kind === kind) return cached.view;
  const view = convert(kind, o, memos);
  memos?.views.set(o, { kind, view });
  return view;
}

// The fleet cache shares one frozen managedFields list among every object the same managers wrote (slim.ts), so
// their `manager/operation` spellings are made once per list, not once per object.
function managersView(managedFields: ReadonlyArray<unknown> | undefined, memos: RegistryMemos | undefined): readonly string[] {
  if (!managedFields) return [];
  return remembered(memos?.managerViews, managedFields, () => managersOf(managedFields));
}

function convert(kind: DesiredKind, o: SnapshotObject, memos: RegistryMemos | undefined): ObservedObject | undefined {
  const m = o.metadata;
  if (!m?.name || !m.namespace) return undefined;
  const created = timestamp(m.creationTimestamp);
  return {
    kind,
    namespace: m.namespace,
    name: m.name,
    uid: m.uid ?? "",
    resourceVersion: m.resourceVersion ?? "",
    ...(created ? { creationTimestamp: created } : {}),
    labels: m.labels ?? {},
    annotations: m.annotations ?? {},
    spec: o.spec,
    managers: managersView(m.managedFields, memos),
  };
}

// The snapshot keeps a kind's list while none of its objects changed, so its views are kept per list too (with
// `memos`): when one ServiceEntry arrives, a cluster's tens of thousands of WorkloadEntries are not looked at again.
// Within a changed kind, views are kept per chunk of the fleet cache's map (snapshot-lists.ts): a change costs its
// chunk's views and joining the chunks' view lists, not a lookup per object of the kind.
function viewsOf(kind: DesiredKind, c: ClusterSnapshot, memos: RegistryMemos | undefined): readonly ObservedObject[] {
  const list = listOf(c, kind, memos);
  return remembered(memos?.kindViews, list, () => {
    const chunks = chunksOf(c, kind, memos);
    if (chunks.length === 1 && chunks[0] === list) return list.flatMap((o) => toObserved(kind, o, memos) ?? []);
    const views = chunks.map((live) => remembered(memos?.kindViews, live, () => live.flatMap((o) => toObserved(kind, o, memos) ?? [])));
    return joined(views);
  });
}

// Every kind is in the snapshot (the fleet cache watches them all), so no kind is unobserved. With `memos`, the
// cluster's list remembers its per-kind parts (REGISTRY_KINDS order), so comparisons can skip unchanged kinds.
export function observedCluster(c: ClusterSnapshot, memos?: RegistryMemos): ObservedCluster {
  const parts = REGISTRY_KINDS.map((kind) => viewsOf(kind, c, memos));
  const objects = parts.flat();
  memos?.parts.set(objects, parts);
  return { name: c.name, stale: isStale(c), objects, unobservedKinds: [] };
}

/** The per-kind lists an observed list was made of (a list not made with these memos is one part). */
export function observedParts(objects: readonly ObservedObject[], memos?: RegistryMemos): ReadonlyArray<readonly ObservedObject[]> {
  return memos?.parts.get(objects) ?? [objects];
}

export function observedFromSnapshot(snapshot: Pick<FleetSnapshot, "clusters">, memos?: RegistryMemos): ObservedCluster[] {
  return snapshot.clusters.map((c) => observedCluster(c, memos));
}

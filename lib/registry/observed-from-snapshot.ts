// Snapshot → what the registry observed per cluster: the objects of the kinds the planner generates (ours and
// everyone else's — a foreign object under a planned name must be seen to be left alone).
import type { DesiredKind } from "@/lib/plan/desired";
import { timestamp } from "./json-read";
import { managersOf } from "./ownership";
import type { ClusterSnapshot, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { SnapshotObject } from "./raw-object";
import { isStale, listOf } from "./snapshot-lists";
import { REGISTRY_KINDS, type ObservedCluster, type ObservedObject } from "./types";

// An unchanged live object keeps its identity across snapshots; so does its observed view (the diff remembers
// comparisons per object pair).
const views = new WeakMap<SnapshotObject, { kind: DesiredKind; view: ObservedObject | undefined }>();

function toObserved(kind: DesiredKind, o: SnapshotObject): ObservedObject | undefined {
  const cached = views.get(o);
  if (cached?.kind === kind) return cached.view;
  const view = convert(kind, o);
  views.set(o, { kind, view });
  return view;
}

// The fleet cache shares one frozen managedFields list among every object the same managers wrote (slim.ts), so
// their `manager/operation` spellings are made once per list, not once per object.
const managerViews = new WeakMap<object, readonly string[]>();

function managersView(managedFields: ReadonlyArray<unknown> | undefined): readonly string[] {
  if (!managedFields) return [];
  let view = managerViews.get(managedFields);
  if (!view) managerViews.set(managedFields, (view = managersOf(managedFields)));
  return view;
}

function convert(kind: DesiredKind, o: SnapshotObject): ObservedObject | undefined {
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
    managers: managersView(m.managedFields),
  };
}

// The snapshot keeps a kind's list while none of its objects changed, so its views are kept per list too: when
// one ServiceEntry arrives, a cluster's tens of thousands of WorkloadEntries are not looked at again.
const kindViews = new WeakMap<readonly SnapshotObject[], readonly ObservedObject[]>();
// A cluster's observed list → its per-kind parts (REGISTRY_KINDS order), so comparisons can skip unchanged kinds.
const partsOf = new WeakMap<readonly ObservedObject[], ReadonlyArray<readonly ObservedObject[]>>();

function viewsOf(kind: DesiredKind, list: readonly SnapshotObject[]): readonly ObservedObject[] {
  let views = kindViews.get(list);
  if (!views) kindViews.set(list, (views = list.flatMap((o) => toObserved(kind, o) ?? [])));
  return views;
}

// Every kind is in the snapshot (the fleet cache watches them all), so no kind is unobserved.
export function observedCluster(c: ClusterSnapshot): ObservedCluster {
  const parts = REGISTRY_KINDS.map((kind) => viewsOf(kind, listOf(c, kind)));
  const objects = parts.flat();
  partsOf.set(objects, parts);
  return { name: c.name, stale: isStale(c), objects, unobservedKinds: [] };
}

/** The per-kind lists an observed list was made of (a list not made here is one part). */
export function observedParts(objects: readonly ObservedObject[]): ReadonlyArray<readonly ObservedObject[]> {
  return partsOf.get(objects) ?? [objects];
}

export function observedFromSnapshot(snapshot: Pick<FleetSnapshot, "clusters">): ObservedCluster[] {
  return snapshot.clusters.map(observedCluster);
}

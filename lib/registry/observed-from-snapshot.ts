// Snapshot → what the registry observed per cluster: the objects of the kinds the planner generates (ours and
// everyone else's — a foreign object under a planned name must be seen to be left alone).
import type { DesiredKind } from "@/lib/plan/desired";
import { timestamp } from "./json-read";
import type { FleetSnapshotLike, SnapshotCluster, SnapshotObject } from "./snapshot-like";
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
  };
}

export function observedCluster(c: SnapshotCluster): ObservedCluster {
  return {
    name: c.name,
    stale: c.stale,
    objects: REGISTRY_KINDS.flatMap((kind) => (c.objects[kind] ?? []).flatMap((o) => toObserved(kind, o) ?? [])),
    unobservedKinds: REGISTRY_KINDS.filter((kind) => c.objects[kind] === undefined),
  };
}

export function observedFromSnapshot(snapshot: FleetSnapshotLike): ObservedCluster[] {
  return snapshot.clusters.map(observedCluster);
}

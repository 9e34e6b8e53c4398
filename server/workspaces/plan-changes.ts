// A preview's change, per cluster: the current plan (`before`) and the PlanDelta a fork of the warm planner
// answered (lib/plan/plan-delta.ts). Consequences are read from here, so their cost is the objects that changed,
// not the fleet: a cluster absent from the delta is the same array as before and is read from its memoized index.
// Each changed cluster is read on first use, so callers can hand the event loop back between clusters.
import { objectId, type DesiredObject } from "@/lib/plan/desired";
import type { PlanDelta, PlanResult } from "@/lib/plan/plan-delta";
import { carryingIn, clusterIndex, type Carrying, type ClusterIndex } from "./plan-index";

/** One changed cluster: objects new or changed (`upserts`, the after versions) and objects gone (`removed`, the before versions). */
export type ClusterChange = {
  cluster: string;
  before: ClusterIndex;
  upserts: readonly DesiredObject[];
  removed: readonly DesiredObject[];
  /** The after plan's SE/WE carrying `fqdn` in this cluster. */
  carrying(fqdn: string): Carrying;
};

export type PlanChanges = {
  /** Every cluster of the before or the after plan, sorted. */
  clusters: readonly string[];
  /** The clusters the delta changes (or removes), sorted. */
  changed: readonly string[];
  /** A changed cluster's change (computed on first use); undefined for an unchanged cluster. */
  change(cluster: string): ClusterChange | undefined;
  /** The after plan's SE/WE carrying `fqdn` in `cluster`, changed or not. */
  carrying(cluster: string, fqdn: string): Carrying;
};

function patched(cluster: string, before: ClusterIndex, upserts: readonly DesiredObject[], removedIds: ReadonlySet<string>): ClusterChange {
  const upserted = clusterIndex(upserts);
  const removed = [...removedIds].flatMap((id) => before.byId.get(id) ?? []);
  // The before objects the change removes or replaces, by identity: `carrying` filters every kept SE/WE of a
  // service through this, and building an id string per object per call cost more than the rest of a preview.
  const goneBefore = new Set<DesiredObject>(removed);
  for (const u of upserts) {
    const was = before.byId.get(objectId(u));
    if (was) goneBefore.add(was);
  }
  const gone = (o: DesiredObject) => goneBefore.has(o);
  // Asked once per removed object that carries the service (lossSentences): kept per FQDN for this change.
  const carried = new Map<string, Carrying>();
  return {
    cluster,
    before,
    upserts,
    removed,
    carrying(fqdn) {
      let found = carried.get(fqdn);
      if (found) return found;
      const kept = carryingIn(before, fqdn);
      const added = carryingIn(upserted, fqdn);
      found = { se: [...kept.se.filter((o) => !gone(o)), ...added.se], we: [...kept.we.filter((o) => !gone(o)), ...added.we] };
      carried.set(fqdn, found);
      return found;
    },
  };
}

/** A `replace` (a new cluster, a cold plan) as a patch: objects not identical to before's are upserts. */
function replaced(cluster: string, before: ClusterIndex, objects: readonly DesiredObject[]): ClusterChange {
  const after = clusterIndex(objects);
  const upserts = objects.filter((o) => before.byId.get(objectId(o)) !== o);
  const removed = [...before.byId.values()].filter((o) => !after.byId.has(objectId(o)));
  return { cluster, before, upserts, removed, carrying: (fqdn) => carryingIn(after, fqdn) };
}

function changeOf(cluster: string, before: PlanResult, delta: PlanDelta): ClusterChange | undefined {
  const d = delta.clusters[cluster];
  const removed = delta.removedClusters.includes(cluster);
  if (!d && !removed) return undefined;
  const index = clusterIndex(before.clusters[cluster]);
  if (removed || !d) return replaced(cluster, index, []);
  return d.kind === "replace" ? replaced(cluster, index, d.objects) : patched(cluster, index, d.upserts, new Set(d.removes));
}

const memo = new WeakMap<PlanDelta, { before: PlanResult; changes: PlanChanges }>();

/** The delta read per cluster; one reader per (before, delta) pair, shared by every consequence computed from it. */
export function planChanges(before: PlanResult, delta: PlanDelta): PlanChanges {
  const known = memo.get(delta);
  if (known?.before === before) return known.changes;
  const names = new Set([...Object.keys(before.clusters), ...Object.keys(delta.clusters), ...delta.removedClusters]);
  const changed = [...new Set([...Object.keys(delta.clusters), ...delta.removedClusters])].sort();
  const computed = new Map<string, ClusterChange | undefined>();
  const change = (cluster: string) => {
    if (!computed.has(cluster)) computed.set(cluster, changeOf(cluster, before, delta));
    return computed.get(cluster);
  };
  const changes: PlanChanges = {
    clusters: [...names].sort(),
    changed,
    change,
    carrying: (cluster, fqdn) => change(cluster)?.carrying(fqdn) ?? carryingIn(clusterIndex(before.clusters[cluster]), fqdn),
  };
  memo.set(delta, { before, changes });
  return changes;
}

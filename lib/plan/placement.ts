// Placing built objects into each cluster's set, incrementally. The objects arrive in batches (one per service
// and object kind, one per passthrough Gateway) whose identity the planner keeps while their service is
// unchanged. When the previous placement was clean (no invalid name, no two batches wanting one id — the normal
// case), the sets are patched: the batches that went away are taken out, the new ones put in, and each touched
// cluster's sorted list is patched by binary search. Anything unusual (a collision, an invalid name, another
// set of clusters) falls back to placing everything in order, which is what defines the result.
import type { Condition } from "./conditions";
import { clusterOutput, type ClusterOutput } from "./cluster-output";
import type { DesiredObject } from "./desired";
import { compareStrings } from "./json";
import { createNameCheck, desiredId, place, type NameCheck } from "./place";
import type { Placed } from "./placed";
import { patchSorted, type Change } from "./sorted-patch";

export type Batch = readonly Placed[];
/**
 * The batches of one service's part (or one passthrough Gateway), in order. The planner keeps a group's identity
 * while its service is unchanged, so finding what changed compares a few thousand groups, not every batch (one
 * per shadow pair: ~190,000 at 20 × 500); only a changed group's batches are compared one by one.
 */
export type BatchGroup = readonly Batch[];

type State = { clusters: string; groups: Set<BatchGroup>; sets: Map<string, Map<string, DesiredObject>>; outputs: Map<string, ClusterOutput> };

/** The batches gone and new since `previous`'s groups: the changed groups' batches, compared one by one. */
function batchChanges(previous: State, groups: readonly BatchGroup[]): { next: Set<BatchGroup>; gone: Batch[]; added: Batch[] } {
  const next = new Set(groups);
  const before = new Set([...previous.groups].filter((g) => !next.has(g)).flat());
  const now = new Set(groups.filter((g) => !previous.groups.has(g)).flat());
  return { next, gone: [...before].filter((b) => !now.has(b)), added: [...now].filter((b) => !before.has(b)) };
}

const has = (c: Change, id: string) => c.added.has(id) || (c.base.has(id) && !c.removed.has(id));

/**
 * The clusters' changes: the gone batches out, the new ones in (the touched ids of a cluster are its removed and
 * added ids). undefined when that would not equal placing everything (an invalid name, two batches wanting an id).
 */
function changesOf(previous: State, gone: Batch[], added: Batch[], validName: NameCheck): Map<string, Change> | undefined {
  const changes = new Map<string, Change>();
  const changeOf = (cluster: string) => {
    let change = changes.get(cluster);
    const base = previous.sets.get(cluster);
    if (!change && base) changes.set(cluster, (change = { base, removed: new Set(), added: new Map() }));
    return change;
  };
  for (const batch of gone) {
    for (const { cluster, object } of batch) {
      const change = changeOf(cluster);
      const id = desiredId(object);
      if (change?.base.get(id) === object) change.removed.add(id);
    }
  }
  for (const batch of added) {
    for (const { cluster, object } of batch) {
      const change = changeOf(cluster);
      if (!change) continue;
      const id = desiredId(object);
      if (!validName(object) || has(change, id)) return undefined;
      change.added.set(id, object);
    }
  }
  return changes;
}

/** The cluster's set after `change`: its own set changed in place, or a copy of a set others may still read. */
function applied(change: Change, owned: WeakSet<Map<string, DesiredObject>>): Map<string, DesiredObject> {
  const set = owned.has(change.base) ? change.base : new Map(change.base);
  owned.add(set);
  for (const id of change.removed) set.delete(id);
  for (const [id, object] of change.added) set.set(id, object);
  return set;
}

/** One cluster's change as plan-delta.ts's patch: objects new or replaced, ids no longer placed (both sorted). */
export type PlacementChange = { upserts: DesiredObject[]; removes: string[]; size: number };

/** What `change` does to its cluster, read without applying it: the objects of batches gone and added that differ. */
function changeOf(change: Change): PlacementChange {
  const upserts = [...change.added].filter(([id, object]) => change.base.get(id) !== object || !change.removed.has(id));
  const removes = [...change.removed].filter((id) => !change.added.has(id)).sort(compareStrings);
  const grown = [...change.added.keys()].filter((id) => !change.removed.has(id)).length;
  upserts.sort(([a], [b]) => compareStrings(a, b));
  return { upserts: upserts.map(([, object]) => object), removes, size: change.base.size + grown - removes.length };
}

export type Placement = {
  apply(clusters: readonly string[], groups: readonly BatchGroup[], conditions: Condition[]): Map<string, ClusterOutput>;
  /**
   * How placing `groups` would change each cluster (only clusters that change), without placing them: the cost
   * of the batches that differ, not of copying and patching each touched cluster's list. undefined when only
   * placing everything says (no clean previous placement, another set of clusters, an invalid name, a collision).
   */
  changes(clusters: readonly string[], groups: readonly BatchGroup[]): Map<string, PlacementChange> | undefined;
  /**
   * What the last apply changed per cluster (only clusters that changed), when it patched the previous placement;
   * undefined after placing everything. plan-delta.ts's delta without comparing every list with the last.
   */
  lastChanges(): ReadonlyMap<string, PlacementChange> | undefined;
  /** A placement starting from this one's current state. O(1): states are replaced, never mutated, by apply. */
  fork(): Placement;
};

/** `validName` is the planner's (shared with its forks), so a kept object's name is checked once. */
export function createPlacement(validName: NameCheck = createNameCheck(), initial?: State): Placement {
  let state: State | undefined = initial;
  // The sets only this placement's state refers to, which a patch may change in place (copying a cluster's set
  // of ~30,000 objects at 20 × 500 was most of a small change's cost). A fork shares the current sets: from
  // then on neither side owns them, and the first patch of each copies what it touches.
  let owned = new WeakSet<Map<string, DesiredObject>>();
  let last: Map<string, PlacementChange> | undefined;

  function full(clusters: readonly string[], groups: readonly BatchGroup[], conditions: Condition[]): Map<string, ClusterOutput> {
    const sets = new Map(clusters.map((c) => [c, new Map<string, DesiredObject>()]));
    const before = conditions.length;
    for (const group of groups) for (const batch of group) place(sets, batch, conditions, validName);
    const outputs = new Map([...sets].map(([c, set]) => [c, clusterOutput(set, state?.outputs.get(c))] as const));
    for (const set of sets.values()) owned.add(set);
    last = undefined;
    // Only a clean placement can be patched: with collisions, which object wins depends on the order of all.
    state = conditions.length === before ? { clusters: clusters.join("\u0000"), groups: new Set(groups), sets, outputs } : undefined;
    return outputs;
  }

  function patch(previous: State, groups: readonly BatchGroup[]): Map<string, ClusterOutput> | undefined {
    const { next, gone, added } = batchChanges(previous, groups);
    const changes = changesOf(previous, gone, added, validName);
    if (!changes) return undefined;
    const sets = new Map(previous.sets);
    const outputs = new Map(previous.outputs);
    last = new Map();
    for (const [cluster, change] of [...changes].sort(([a], [b]) => compareStrings(a, b))) {
      const touched = new Set([...change.removed, ...change.added.keys()]);
      if (touched.size === 0) continue;
      // Read before the change is applied: a set this placement owns is changed in place.
      const one = changeOf(change);
      if (one.upserts.length > 0 || one.removes.length > 0) last.set(cluster, one);
      const before = previous.outputs.get(cluster);
      const sorted = before && patchSorted(before.sorted, touched, change);
      const set = applied(change, owned);
      sets.set(cluster, set);
      if (sorted) outputs.set(cluster, { sorted, byId: set });
    }
    state = { clusters: previous.clusters, groups: next, sets, outputs };
    return outputs;
  }

  /** Each cluster's sorted objects, exactly as placing every batch in order would give them. */
  function apply(clusters: readonly string[], groups: readonly BatchGroup[], conditions: Condition[]): Map<string, ClusterOutput> {
    const previous = state;
    const patched = previous && previous.clusters === clusters.join("\u0000") ? patch(previous, groups) : undefined;
    return patched ?? full(clusters, groups, conditions);
  }

  function changes(clusters: readonly string[], groups: readonly BatchGroup[]): Map<string, PlacementChange> | undefined {
    const previous = state;
    if (!previous || previous.clusters !== clusters.join("\u0000")) return undefined;
    const { gone, added } = batchChanges(previous, groups);
    const found = changesOf(previous, gone, added, validName);
    if (!found) return undefined;
    const out = new Map<string, PlacementChange>();
    for (const [cluster, change] of [...found].sort(([a], [b]) => compareStrings(a, b))) {
      const one = changeOf(change);
      if (one.upserts.length > 0 || one.removes.length > 0) out.set(cluster, one);
    }
    return out;
  }

  function fork(): Placement {
    owned = new WeakSet();
    return createPlacement(validName, state);
  }

  return { apply, changes, lastChanges: () => last, fork };
}

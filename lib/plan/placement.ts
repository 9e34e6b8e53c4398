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

export type Batch = readonly Placed[];

type State = { clusters: string; batches: Set<Batch>; sets: Map<string, Map<string, DesiredObject>>; outputs: Map<string, ClusterOutput> };

function lowerBound(sorted: readonly DesiredObject[], id: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareStrings(desiredId(sorted[mid] as DesiredObject), id) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function patchSorted(previous: readonly DesiredObject[], touched: Iterable<string>, set: ReadonlyMap<string, DesiredObject>): DesiredObject[] {
  const sorted = previous.slice();
  for (const id of touched) {
    const at = lowerBound(sorted, id);
    const present = at < sorted.length && desiredId(sorted[at] as DesiredObject) === id;
    const now = set.get(id);
    if (present && now) sorted[at] = now;
    else if (present) sorted.splice(at, 1);
    else if (now) sorted.splice(at, 0, now);
  }
  return sorted;
}

/**
 * Takes the gone batches out and puts the new ones in, on copies of the touched clusters' sets (the previous
 * ones stay as they were: earlier outputs refer to them). undefined when that would not equal placing everything.
 */
function patchSets(previous: State, gone: Batch[], added: Batch[], validName: NameCheck): Map<string, Map<string, DesiredObject>> | undefined {
  const copies = new Map<string, Map<string, DesiredObject>>();
  const writable = (cluster: string) => {
    let set = copies.get(cluster);
    const original = previous.sets.get(cluster);
    if (!set && original) copies.set(cluster, (set = new Map(original)));
    return set;
  };
  for (const batch of gone) {
    for (const { cluster, object } of batch) {
      const set = writable(cluster);
      if (set?.get(desiredId(object)) === object) set.delete(desiredId(object));
    }
  }
  for (const batch of added) {
    for (const { cluster, object } of batch) {
      const set = writable(cluster);
      if (!set) continue;
      const id = desiredId(object);
      if (!validName(object) || set.has(id)) return undefined;
      set.set(id, object);
    }
  }
  return copies;
}

/** The ids whose object differs between two versions of a cluster's set. */
function touchedIds(gone: Batch[], added: Batch[], cluster: string): Set<string> {
  const ids = new Set<string>();
  for (const batch of [...gone, ...added]) for (const p of batch) if (p.cluster === cluster) ids.add(desiredId(p.object));
  return ids;
}

export type Placement = {
  apply(clusters: readonly string[], batches: readonly Batch[], conditions: Condition[]): Map<string, ClusterOutput>;
  /** A placement starting from this one's current state. O(1): states are replaced, never mutated, by apply. */
  fork(): Placement;
};

/** `validName` is the planner's (shared with its forks), so a kept object's name is checked once. */
export function createPlacement(validName: NameCheck = createNameCheck(), initial?: State): Placement {
  let state: State | undefined = initial;

  function full(clusters: readonly string[], batches: readonly Batch[], conditions: Condition[]): Map<string, ClusterOutput> {
    const sets = new Map(clusters.map((c) => [c, new Map<string, DesiredObject>()]));
    const before = conditions.length;
    for (const batch of batches) place(sets, batch, conditions, validName);
    const outputs = new Map([...sets].map(([c, set]) => [c, clusterOutput(set, state?.outputs.get(c))] as const));
    // Only a clean placement can be patched: with collisions, which object wins depends on the order of all.
    state = conditions.length === before ? { clusters: clusters.join("\u0000"), batches: new Set(batches), sets, outputs } : undefined;
    return outputs;
  }

  function patch(previous: State, batches: readonly Batch[]): Map<string, ClusterOutput> | undefined {
    const next = new Set(batches);
    const gone = [...previous.batches].filter((b) => !next.has(b));
    const added = batches.filter((b) => !previous.batches.has(b));
    const copies = patchSets(previous, gone, added, validName);
    if (!copies) return undefined;
    const sets = new Map(previous.sets);
    const outputs = new Map(previous.outputs);
    for (const [cluster, set] of copies) {
      const before = previous.outputs.get(cluster);
      sets.set(cluster, set);
      if (before) outputs.set(cluster, { sorted: patchSorted(before.sorted, touchedIds(gone, added, cluster), set), byId: set });
    }
    state = { clusters: previous.clusters, batches: next, sets, outputs };
    return outputs;
  }

  /** Each cluster's sorted objects, exactly as placing every batch in order would give them. */
  function apply(clusters: readonly string[], batches: readonly Batch[], conditions: Condition[]): Map<string, ClusterOutput> {
    const previous = state;
    const patched = previous && previous.clusters === clusters.join("\u0000") ? patch(previous, batches) : undefined;
    return patched ?? full(clusters, batches, conditions);
  }

  return { apply, fork: () => createPlacement(validName, state) };
}

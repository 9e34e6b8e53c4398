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
import { createNameCheck, desiredId, lowerBound, place, type NameCheck } from "./place";
import type { Placed } from "./placed";

export type Batch = readonly Placed[];

type State = { clusters: string; batches: Set<Batch>; sets: Map<string, Map<string, DesiredObject>>; outputs: Map<string, ClusterOutput> };

/** A few ids: binary search and splice. */
function patchFew(previous: readonly DesiredObject[], touched: Iterable<string>, set: ReadonlyMap<string, DesiredObject>): DesiredObject[] {
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

/** Many ids (each splice moves the whole tail): one merge of the list with the sorted ids. */
function patchMany(previous: readonly DesiredObject[], touched: Iterable<string>, set: ReadonlyMap<string, DesiredObject>): DesiredObject[] {
  const ids = [...touched].sort(compareStrings);
  const out: DesiredObject[] = [];
  const take = (id: string) => {
    const now = set.get(id);
    if (now) out.push(now);
  };
  let j = 0;
  for (const o of previous) {
    const id = desiredId(o);
    while (j < ids.length && compareStrings(ids[j] as string, id) < 0) take(ids[j++] as string);
    if (ids[j] === id) take(ids[j++] as string);
    else out.push(o);
  }
  while (j < ids.length) take(ids[j++] as string);
  return out;
}

function patchSorted(previous: readonly DesiredObject[], touched: ReadonlySet<string>, set: ReadonlyMap<string, DesiredObject>): DesiredObject[] {
  return touched.size <= 32 ? patchFew(previous, touched, set) : patchMany(previous, touched, set);
}

type Patched = { sets: Map<string, Map<string, DesiredObject>>; touched: Map<string, Set<string>> };

/**
 * Takes the gone batches out and puts the new ones in, on copies of the touched clusters' sets (the previous
 * ones stay as they were: earlier outputs refer to them), noting the ids whose object differs per cluster.
 * undefined when that would not equal placing everything.
 */
function patchSets(previous: State, gone: Batch[], added: Batch[], validName: NameCheck): Patched | undefined {
  const sets = new Map<string, Map<string, DesiredObject>>();
  const touched = new Map<string, Set<string>>();
  const writable = (cluster: string, id: string) => {
    let set = sets.get(cluster);
    const original = previous.sets.get(cluster);
    if (!set && original) {
      sets.set(cluster, (set = new Map(original)));
      touched.set(cluster, new Set());
    }
    touched.get(cluster)?.add(id);
    return set;
  };
  for (const batch of gone) {
    for (const { cluster, object } of batch) {
      const id = desiredId(object);
      const set = writable(cluster, id);
      if (set?.get(id) === object) set.delete(id);
    }
  }
  for (const batch of added) {
    for (const { cluster, object } of batch) {
      const id = desiredId(object);
      const set = writable(cluster, id);
      if (!set) continue;
      if (!validName(object) || set.has(id)) return undefined;
      set.set(id, object);
    }
  }
  return { sets, touched };
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
    for (const [cluster, set] of copies.sets) {
      const before = previous.outputs.get(cluster);
      sets.set(cluster, set);
      if (before) outputs.set(cluster, { sorted: patchSorted(before.sorted, copies.touched.get(cluster) ?? new Set(), set), byId: set });
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

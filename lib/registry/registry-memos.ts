// The registry's identity-keyed memory of derived values, one per owner (the fleet model creates one and drops
// it with itself; the hostname resolver has its own): arrays of a kind's objects, observed views, ownership
// proofs, comparisons, validated cluster inputs, localities. Nothing here is module state: two models never share
// a memo, so a cold model built beside a warm one computes everything again. Every function that takes one also
// works without it (computing directly), for callers that digest one snapshot once.
import type { CachedObject, ObjectMap } from "@/lib/fleet/snapshot-types";
import type { DesiredKind, DesiredObject } from "@/lib/plan/desired";
import type { ClusterInput } from "@/lib/plan/input";
import type { ListPatch } from "@/lib/plan/plan-delta";
import type { Comparison } from "./compare";
import type { Intrinsic, OwnershipProof } from "./ownership";
import type { OwnershipScope } from "./ownership-scope";
import type { ObservedIndex } from "./observed-index";
import type { SnapshotObject } from "./raw-object";
import type { ObservedObject, RegistryMode } from "./types";

export type RegistryMemos = {
  /** snapshot-lists.ts: a kind's map → its array (the same array while the map is the same). */
  lists: WeakMap<ObjectMap, readonly CachedObject[]>;
  /** plan-input-adapter.ts: a cluster's pods array → its locality, with the maps it was read from. */
  localities: WeakMap<readonly SnapshotObject[], { gateways: unknown; services: unknown; nodes: unknown; locality: string | undefined }>;
  /** validate-input.ts: a ClusterInput → its schema issues. */
  validated: WeakMap<ClusterInput, ReadonlyArray<{ path: PropertyKey[]; message: string }>>;
  /** observed-from-snapshot.ts: object views, managers spellings, per-kind view lists, a one-part list (clusterParts). */
  views: WeakMap<SnapshotObject, { kind: DesiredKind; view: ObservedObject | undefined }>;
  managerViews: WeakMap<object, readonly string[]>;
  kindViews: WeakMap<readonly SnapshotObject[], readonly ObservedObject[]>;
  parts: WeakMap<readonly ObservedObject[], ReadonlyArray<readonly ObservedObject[]>>;
  /** compare.ts: what is derived from one live object (one record each), default scopes, unplanned verdicts, indexes. */
  observed: WeakMap<ObservedObject, ObservedMemo>;
  planScopes: WeakMap<readonly DesiredObject[], OwnershipScope>;
  unplanned: WeakMap<ObservedObject, { scope: OwnershipScope; result: Comparison | undefined }>;
  indexes: WeakMap<readonly ObservedObject[], ObservedIndex>;
  /** A planned object's comparison where no live one exists: the same in every cluster. */
  missing: WeakMap<DesiredObject, Comparison>;
  /**
   * compare-patch.ts: how a plan's list was made from an earlier one (the planner host's mirror keeps that), so
   * a comparison splices what changed instead of walking the list. Without it, comparisons walk.
   */
  listPatch?: (list: readonly DesiredObject[]) => ListPatch | undefined;
};

/**
 * What compare.ts derived from one live object: what it lacks whatever the scope, its ownership proof
 * within `proofScope`, and its comparison with `pairDesired` (in `pairMode`, within `pairScope`). The comparison
 * is kept by the live object, not the planned one: one planned object can be in several clusters' plans (a
 * shadow WorkloadEntry), a live object is one cluster's. One record per object, every field present from the
 * start (one V8 shape): at 20 × 500 there are 580,000 of them, and three WeakMap entries each plus two small
 * records held ~100 bytes more per object.
 */
export type ObservedMemo = {
  intrinsic: Intrinsic | undefined;
  proofScope: OwnershipScope | undefined;
  proof: OwnershipProof | undefined;
  pairDesired: DesiredObject | undefined;
  pairMode: RegistryMode | undefined;
  pairScope: OwnershipScope | undefined;
  pair: Comparison | undefined;
};

/** `o`'s record in `memos`, made empty the first time. */
export function observedMemo(memos: RegistryMemos, o: ObservedObject): ObservedMemo {
  let memo = memos.observed.get(o);
  if (memo === undefined) {
    memo = { intrinsic: undefined, proofScope: undefined, proof: undefined, pairDesired: undefined, pairMode: undefined, pairScope: undefined, pair: undefined };
    memos.observed.set(o, memo);
  }
  return memo;
}

export function createRegistryMemos(listPatch?: RegistryMemos["listPatch"]): RegistryMemos {
  return {
    ...(listPatch ? { listPatch } : {}),
    lists: new WeakMap(),
    localities: new WeakMap(),
    validated: new WeakMap(),
    views: new WeakMap(),
    managerViews: new WeakMap(),
    kindViews: new WeakMap(),
    parts: new WeakMap(),
    observed: new WeakMap(),
    planScopes: new WeakMap(),
    unplanned: new WeakMap(),
    indexes: new WeakMap(),
    missing: new WeakMap(),
  };
}

/** `memos?.x.get(key)`, or computed and remembered when there are memos; computed each time without. */
export function remembered<K extends object, V>(map: WeakMap<K, V> | undefined, key: K, make: () => V): V {
  if (!map) return make();
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

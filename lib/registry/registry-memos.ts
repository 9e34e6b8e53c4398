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
import type { SnapshotObject } from "./raw-object";
import type { ObservedObject, RegistryMode } from "./types";

export type RegistryMemos = {
  /** snapshot-lists.ts: a kind's map → its array (the same array while the map is the same). */
  lists: WeakMap<ObjectMap, readonly CachedObject[]>;
  /** plan-input-adapter.ts: a cluster's pods array → its locality, with the maps it was read from. */
  localities: WeakMap<readonly SnapshotObject[], { gateways: unknown; services: unknown; nodes: unknown; locality: string | undefined }>;
  /** validate-input.ts: a ClusterInput → its schema issues. */
  validated: WeakMap<ClusterInput, ReadonlyArray<{ path: PropertyKey[]; message: string }>>;
  /** observed-from-snapshot.ts: object views, managers spellings, per-kind view lists, a cluster list's parts. */
  views: WeakMap<SnapshotObject, { kind: DesiredKind; view: ObservedObject | undefined }>;
  managerViews: WeakMap<object, readonly string[]>;
  kindViews: WeakMap<readonly SnapshotObject[], readonly ObservedObject[]>;
  parts: WeakMap<readonly ObservedObject[], ReadonlyArray<readonly ObservedObject[]>>;
  /** compare.ts: proofs per scope, default scopes, unplanned verdicts, ids, indexes and pair comparisons. */
  proofs: WeakMap<ObservedObject, { scope: OwnershipScope; proof: OwnershipProof }>;
  /** What an object lacks whatever the scope: kept across scopes (a preview's forked plan changes them). */
  intrinsic: WeakMap<ObservedObject, Intrinsic>;
  planScopes: WeakMap<readonly DesiredObject[], OwnershipScope>;
  unplanned: WeakMap<ObservedObject, { scope: OwnershipScope; result: Comparison | undefined }>;
  observedIds: WeakMap<ObservedObject, string>;
  indexes: WeakMap<readonly ObservedObject[], Map<string, ObservedObject>>;
  /**
   * A live object's comparison with its planned one, keyed by the live object: one planned object can be in
   * several clusters' plans (a shadow WorkloadEntry), a live object is one cluster's. `missing`: a planned object's
   * comparison where no live one exists, the same in every cluster.
   */
  compared: WeakMap<ObservedObject, { desired: DesiredObject; mode: RegistryMode; scope: OwnershipScope; result: Comparison }>;
  missing: WeakMap<DesiredObject, Comparison>;
  /**
   * compare-patch.ts: how a plan's list was made from an earlier one (the planner host's mirror keeps that), so
   * a comparison splices what changed instead of walking the list. Without it, comparisons walk.
   */
  listPatch?: (list: readonly DesiredObject[]) => ListPatch | undefined;
};

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
    proofs: new WeakMap(),
    intrinsic: new WeakMap(),
    planScopes: new WeakMap(),
    unplanned: new WeakMap(),
    observedIds: new WeakMap(),
    indexes: new WeakMap(),
    compared: new WeakMap(),
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

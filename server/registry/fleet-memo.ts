// Per-cluster reuse between consecutive snapshots. A write burst changes a few clusters per snapshot; converting
// and diffing all of them again each time is O(fleet) per event. A cluster's observed view is reused while its
// object maps are the same maps (the fleet cache keeps unchanged kinds), and its diff while its desired list
// (same plan), its observed view and the holds are unchanged; otherwise its comparison is patched from the
// previous one (compare-patch.ts) and so is its diff (diff-patch.ts), so a change costs what changed, not the
// cluster's size.
import type { DesiredObject } from "@/lib/plan/desired";
import type { ClusterHolds, DiffResult } from "@/lib/registry/diff";
import { diffPatched, type PatchedDiff } from "@/lib/registry/diff-patch";
import { observedCluster } from "@/lib/registry/observed-from-snapshot";
import type { RegistryMemos } from "@/lib/registry/registry-memos";
import type { OwnershipScope } from "@/lib/registry/ownership-scope";
import type { ClusterSnapshot } from "@/lib/fleet/snapshot-types";
import { REGISTRY_KINDS, type ObservedCluster } from "@/lib/registry/types";

type ClusterDiff = { desired: readonly DesiredObject[]; holdsKey: string; scope: OwnershipScope | undefined; result: DiffResult; patched: PatchedDiff };

export type ClusterMemo = {
  source: ClusterSnapshot;
  observed: ObservedCluster;
  /** Valid for this observed view. */
  diff?: ClusterDiff;
  /** The diff of the previous view of the cluster: its comparison is patched instead of redone. */
  prior?: ClusterDiff;
};

export type FleetMemo = Map<string, ClusterMemo>;

const sameSource = (a: ClusterSnapshot, b: ClusterSnapshot) => a.state === b.state && REGISTRY_KINDS.every((k) => a.objects[k] === b.objects[k]);

/** One cluster's observed view: the previous one while its objects are the same maps. */
export function observedOne(c: ClusterSnapshot, previous: FleetMemo | undefined, next: FleetMemo, memos?: RegistryMemos): ObservedCluster {
  const before = previous?.get(c.name);
  const prior = before?.diff ?? before?.prior;
  const memo: ClusterMemo = before && sameSource(before.source, c) ? { ...before, source: c } : { source: c, observed: observedCluster(c, memos), ...(prior ? { prior } : {}) };
  next.set(c.name, memo);
  return memo.observed;
}

export function observedWithMemo(clusters: readonly ClusterSnapshot[], previous: FleetMemo | undefined, next: FleetMemo, memos?: RegistryMemos): ObservedCluster[] {
  return clusters.map((c) => observedOne(c, previous, next, memos));
}

export function holdsKey(holds: ClusterHolds): string {
  return `${[...holds.stale].sort().join(",")}|${holds.configStale}`;
}

/** `scope`: where the planner puts objects in the cluster (the ownership proof); kept as one object while unchanged. */
export function diffWithMemo(cluster: string, desired: readonly DesiredObject[], holds: ClusterHolds, key: string, memo: FleetMemo, scope: OwnershipScope, memos?: RegistryMemos): DiffResult {
  const entry = memo.get(cluster);
  const cached = entry?.diff;
  if (cached && cached.desired === desired && cached.holdsKey === key && cached.scope === scope) return cached.result;
  const patched = diffPatched(cluster, desired, entry?.observed, holds, scope, (cached ?? entry?.prior)?.patched, memos);
  if (entry) entry.diff = { desired, holdsKey: key, scope, result: patched.result, patched };
  return patched.result;
}

// The registry's two readings of a fleet snapshot's cluster (lib/fleet/snapshot-types.ts): a kind's objects as
// an array, and whether the cluster counts as stale.
import type { CachedObject, ClusterSnapshot, FleetKind } from "@/lib/fleet/snapshot-types";
import { remembered, type RegistryMemos } from "./registry-memos";

/**
 * The fleet cache keeps an unchanged kind's map from one snapshot to the next, so with `memos` its array is made
 * once and the same array is handed out again (later stages memoise on that identity).
 */
export function listOf(c: Pick<ClusterSnapshot, "objects">, kind: FleetKind, memos?: RegistryMemos): readonly CachedObject[] {
  const map = c.objects[kind];
  return remembered(memos?.lists, map, () => [...map.values()]);
}

/**
 * A cluster that is not `synced` (stale, or syncing — including a relist after it came back) counts as stale:
 * its objects are the last known ones, so nothing generated from it is deleted and nothing in it is written.
 */
export function isStale(c: Pick<ClusterSnapshot, "state">): boolean {
  return c.state !== "synced";
}

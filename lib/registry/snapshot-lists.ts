// The registry's two readings of a fleet snapshot's cluster (lib/fleet/snapshot-types.ts): a kind's objects as
// an array, and whether the cluster counts as stale.
import type { CachedObject, ClusterSnapshot, FleetKind, ObjectMap } from "@/lib/fleet/snapshot-types";

// The fleet cache keeps an unchanged kind's map from one snapshot to the next, so its array is made once and the
// same array is handed out again (later stages memoise on that identity).
const arrays = new WeakMap<ObjectMap, readonly CachedObject[]>();

export function listOf(c: Pick<ClusterSnapshot, "objects">, kind: FleetKind): readonly CachedObject[] {
  const map = c.objects[kind];
  let array = arrays.get(map);
  if (!array) arrays.set(map, (array = [...map.values()]));
  return array;
}

/**
 * A cluster that is not `synced` (stale, or syncing — including a relist after it came back) counts as stale:
 * its objects are the last known ones, so nothing generated from it is deleted and nothing in it is written.
 */
export function isStale(c: Pick<ClusterSnapshot, "state">): boolean {
  return c.state !== "synced";
}

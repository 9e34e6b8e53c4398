// The fleet cache's snapshot (lib/fleet/snapshot-types.ts) seen through the registry's structural view: maps
// become arrays, and a cluster that is not `synced` (stale, or syncing — including a relist after it came
// back) counts as stale, so nothing generated from it is deleted and nothing in it is written.
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { FleetSnapshotLike, SnapshotCluster, SnapshotKind, SnapshotObject } from "./snapshot-like";
import { SNAPSHOT_KINDS } from "./snapshot-like";

// The fleet cache keeps an unchanged kind's map from one snapshot to the next, so its array is converted once
// and the same array is handed out again (later stages memoise on that identity).
const arrays = new WeakMap<ReadonlyMap<string, SnapshotObject>, SnapshotObject[]>();

function arrayOf(map: ReadonlyMap<string, SnapshotObject>): SnapshotObject[] {
  let array = arrays.get(map);
  if (!array) arrays.set(map, (array = [...map.values()]));
  return array;
}

export function fromFleetSnapshot(snapshot: FleetSnapshot): FleetSnapshotLike {
  return {
    clusters: snapshot.clusters.map((c): SnapshotCluster => {
      const objects: Partial<Record<SnapshotKind, SnapshotObject[]>> = {};
      const all: Readonly<Record<string, ReadonlyMap<string, SnapshotObject> | undefined>> = c.objects;
      for (const kind of SNAPSHOT_KINDS) {
        const map = all[kind];
        if (map) objects[kind] = arrayOf(map);
      }
      return { name: c.name, stale: c.state !== "synced", objects };
    }),
  };
}

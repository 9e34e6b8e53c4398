import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";

export type FleetStats = {
  revision: number;
  clusters: number;
  synced: number;
  objects: number;
  /** Serialised size of every cached object (only when asked: it costs a full pass). */
  jsonBytes: number | null;
  rssBytes: number;
  heapUsedBytes: number;
  uptimeSeconds: number;
};

/** Cache size and process memory, for the benchmark and diagnostics. Numbers only. */
export function fleetStats(snapshot: FleetSnapshot, measureJson: boolean): FleetStats {
  let objects = 0;
  let jsonBytes = 0;
  for (const cluster of snapshot.clusters) {
    for (const map of Object.values(cluster.objects)) {
      objects += map.size;
      if (measureJson) for (const obj of map.values()) jsonBytes += Buffer.byteLength(JSON.stringify(obj));
    }
  }
  const memory = process.memoryUsage();
  return {
    revision: snapshot.revision,
    clusters: snapshot.clusters.length,
    synced: snapshot.clusters.filter((c) => c.state === "synced").length,
    objects,
    jsonBytes: measureJson ? jsonBytes : null,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    uptimeSeconds: Math.round(process.uptime() * 10) / 10,
  };
}

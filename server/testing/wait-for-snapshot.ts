import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { FleetSnapshotSource } from "@/server/fleet/snapshot";

/**
 * Resolves with the first snapshot (the current one or a later one) that satisfies
 * `predicate`; rejects after `timeoutMs` naming what it waited for. Event-driven: no polling.
 */
export function waitForSnapshot(
  source: FleetSnapshotSource,
  what: string,
  predicate: (snapshot: FleetSnapshot) => boolean,
  timeoutMs = 15_000,
): Promise<FleetSnapshot> {
  return new Promise((resolve, reject) => {
    if (predicate(source.current())) return resolve(source.current());
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const unsubscribe = source.subscribe((snapshot) => {
      if (!predicate(snapshot)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(snapshot);
    });
  });
}

export const clusterOf = (snapshot: FleetSnapshot, name: string) => snapshot.clusters.find((c) => c.name === name);

// Which workspaces' slices changed, per fleet snapshot, for the workspace pages' change signal. Only workspaces a
// page is watching are tracked, each fingerprinted once per snapshot however many pages watch it, and the per-map
// digests are memoized by map identity (the fleet cache reuses an unchanged kind's map), so a snapshot costs the
// kinds that changed plus each watched workspace's own clusters × kinds × namespaces.
import { labelsDigest, namespaceDigests, type NamespaceDigests } from "@/lib/fleet/namespace-digests";
import { sliceFingerprint, type SliceDigester } from "@/lib/fleet/slice-fingerprint";
import type { FleetSnapshot, ObjectMap } from "@/lib/fleet/snapshot-types";
import type { FleetSnapshotSource } from "./snapshot";

type Watched = { fingerprint: string; listeners: Set<(fingerprint: string) => void> };

export type SliceWatch = { current: () => string; stop: () => void };

export type SliceTracker = {
  /** Starts watching `workspace`: `listener` hears each new fingerprint of its slice. */
  watch: (workspace: string, listener: (fingerprint: string) => void) => SliceWatch;
  /** Fingerprints computed since the tracker started (for tests and diagnostics). */
  computed: () => number;
};

/** `compute`, once per key object; the key is a map the fleet cache keeps while its kind is unchanged. */
function memo<T extends object | string>(compute: (map: ObjectMap) => T): (map: ObjectMap) => T {
  const cache = new WeakMap<ObjectMap, T>();
  return (map) => {
    const hit = cache.get(map);
    if (hit !== undefined) return hit;
    const value = compute(map);
    cache.set(map, value);
    return value;
  };
}

const memoDigester = (): SliceDigester => ({ namespaces: memo<NamespaceDigests>(namespaceDigests), labels: memo(labelsDigest) });

export function createSliceTracker(source: FleetSnapshotSource): SliceTracker {
  const digester = memoDigester();
  const watched = new Map<string, Watched>();
  let computed = 0;
  let unsubscribe: (() => void) | undefined;

  const fingerprint = (snapshot: FleetSnapshot, workspace: string) => {
    computed += 1;
    return sliceFingerprint(snapshot, workspace, digester);
  };

  function onSnapshot(snapshot: FleetSnapshot): void {
    for (const [workspace, entry] of watched) {
      const next = fingerprint(snapshot, workspace);
      if (next === entry.fingerprint) continue;
      entry.fingerprint = next;
      for (const listener of entry.listeners) listener(next);
    }
  }

  return {
    watch(workspace, listener) {
      let entry = watched.get(workspace);
      if (!entry) watched.set(workspace, (entry = { fingerprint: fingerprint(source.current(), workspace), listeners: new Set() }));
      const own = entry;
      own.listeners.add(listener);
      unsubscribe ??= source.subscribe(onSnapshot);
      return {
        current: () => own.fingerprint,
        stop() {
          own.listeners.delete(listener);
          if (own.listeners.size > 0 || watched.get(workspace) !== own) return;
          watched.delete(workspace);
          if (watched.size > 0) return;
          unsubscribe?.();
          unsubscribe = undefined;
        },
      };
    },
    computed: () => computed,
  };
}

const trackers = new WeakMap<FleetSnapshotSource, SliceTracker>();

/** The one tracker of a fleet's snapshot source (one per process; tests make several fleets). */
export function sliceTrackerOf(source: FleetSnapshotSource): SliceTracker {
  let tracker = trackers.get(source);
  if (!tracker) trackers.set(source, (tracker = createSliceTracker(source)));
  return tracker;
}

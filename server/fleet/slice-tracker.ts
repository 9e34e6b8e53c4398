// Which workspaces' slices changed, for the workspace pages' change signal. Only workspaces a page is watching are
// tracked, each fingerprinted once per snapshot however many pages watch it, and the per-map digests are memoized by
// map identity (the fleet cache reuses an unchanged kind's map), so a snapshot costs the kinds that changed plus each
// watched workspace's own clusters × kinds × namespaces. With a registry, its conditions about the workspace are part
// of the slice too, re-read after each reconcile: a failed write or a DNS answer changes the page without any change
// in the clusters.
import { conditionsDigest, type ConditionLike } from "@/lib/fleet/conditions-digest";
import { hash53, labelsDigest, namespaceDigests, type NamespaceDigests } from "@/lib/fleet/namespace-digests";
import { sliceFingerprint, type SliceDigester } from "@/lib/fleet/slice-fingerprint";
import type { ObjectMap } from "@/lib/fleet/snapshot-types";
import type { FleetSnapshotSource } from "./snapshot";

/** What the tracker needs of the registry (server/registry/controller.ts). */
export type ConditionSource = { conditions: () => readonly ConditionLike[]; onReconciled: (listener: () => void) => () => void };

type Watched = { fleet: string; registry: string; listeners: Set<(fingerprint: string) => void> };

export type SliceWatch = { current: () => string; stop: () => void };

export type SliceTracker = {
  /** Starts watching `workspace`: `listener` hears each new fingerprint of its slice. */
  watch: (workspace: string, listener: (fingerprint: string) => void) => SliceWatch;
  /** Snapshot fingerprints computed since the tracker started (for tests and diagnostics). */
  computed: () => number;
  /** Reconciles whose conditions were digested (a reconcile bringing the same conditions is not). */
  digested: () => number;
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

const sameElements = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const memoDigester = (): SliceDigester => ({ namespaces: memo<NamespaceDigests>(namespaceDigests), labels: memo(labelsDigest) });

/** The version a page sees: the fleet part and the registry part of the slice together. */
export const sliceVersion = (fleet: string, registry: string): string => hash53(`${fleet}.${registry}`);

const combined = (entry: Watched) => sliceVersion(entry.fleet, entry.registry);

export function createSliceTracker(source: FleetSnapshotSource, registry?: ConditionSource): SliceTracker {
  const digester = memoDigester();
  const watched = new Map<string, Watched>();
  let computed = 0;
  let digested = 0;
  // The registry's last conditions: its reconciles (one per cluster) mostly bring the same condition objects again.
  let lastConditions: readonly ConditionLike[] = [];
  let stopSources: (() => void) | undefined;

  const fleetPart = (workspace: string) => {
    computed += 1;
    return sliceFingerprint(source.current(), workspace, digester);
  };

  /** Recomputes one part of every watched workspace's fingerprint and tells the pages whose slice changed. */
  function update(part: "fleet" | "registry"): void {
    const conditions = part === "registry" ? (registry?.conditions() ?? []) : [];
    if (part === "registry") {
      // Digests are of the conditions' content: the same conditions (same objects) move no page.
      if (sameElements(conditions, lastConditions)) return;
      lastConditions = conditions;
      digested += 1;
    }
    for (const [workspace, entry] of watched) {
      const before = combined(entry);
      if (part === "fleet") entry.fleet = fleetPart(workspace);
      else entry.registry = conditionsDigest(conditions, workspace);
      const after = combined(entry);
      if (after !== before) for (const listener of entry.listeners) listener(after);
    }
  }

  function start(): () => void {
    // Conditions may have changed while nobody watched: the next reconcile is digested whatever it brings.
    lastConditions = [];
    const offFleet = source.subscribe(() => update("fleet"));
    const offRegistry = registry?.onReconciled(() => update("registry"));
    return () => {
      offFleet();
      offRegistry?.();
    };
  }

  return {
    watch(workspace, listener) {
      let entry = watched.get(workspace);
      if (!entry) {
        entry = { fleet: fleetPart(workspace), registry: conditionsDigest(registry?.conditions() ?? [], workspace), listeners: new Set() };
        watched.set(workspace, entry);
      }
      const own = entry;
      own.listeners.add(listener);
      stopSources ??= start();
      return {
        current: () => combined(own),
        stop() {
          own.listeners.delete(listener);
          if (own.listeners.size > 0 || watched.get(workspace) !== own) return;
          watched.delete(workspace);
          if (watched.size > 0) return;
          stopSources?.();
          stopSources = undefined;
        },
      };
    },
    computed: () => computed,
    digested: () => digested,
  };
}

const trackers = new WeakMap<FleetSnapshotSource, SliceTracker>();

/**
 * The one tracker of a fleet's snapshot source (one per process; tests make several fleets), with the registry the
 * first caller passes (the process has one; the request context always carries the same).
 */
export function sliceTrackerOf(source: FleetSnapshotSource, registry?: ConditionSource): SliceTracker {
  let tracker = trackers.get(source);
  if (!tracker) trackers.set(source, (tracker = createSliceTracker(source, registry)));
  return tracker;
}

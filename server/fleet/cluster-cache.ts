import {
  FLEET_KINDS,
  objectKey,
  type CachedObject,
  type ClusterSnapshot,
  type ClusterSnapshotError,
  type ClusterSyncState,
  type FleetKind,
  type ObjectMap,
} from "@/lib/fleet/snapshot-types";
import type { InformerSink } from "@/server/kube/informer";
import type { ProbeOutcome } from "@/server/kube/probe";
import { VersionedMap } from "./versioned-map";

type KindEntry = {
  watched: boolean;
  /** Snapshots of it are structurally shared views: one after k changes costs O(k), not a copy of the kind. */
  objects: VersionedMap<CachedObject>;
  healthy: boolean;
  error: ClusterSnapshotError | undefined;
};

export type ClusterCache = ReturnType<typeof createClusterCache>;

export type ClusterCacheOptions = {
  name: string;
  management: boolean;
  /** The kinds this cluster's informers feed; the others stay empty and count as synced. */
  kinds: readonly FleetKind[];
  now: () => Date;
  onChange: () => void;
};

/**
 * One cluster's cached objects and sync state. Informers write into it through `sink(kind)`,
 * the prober through `probe`; `snapshot()` returns an immutable view whose per-kind maps share
 * structure with the previous one's, so it costs what changed since. A failure never clears objects: a stale cluster keeps
 * what was last known.
 */
export function createClusterCache(options: ClusterCacheOptions) {
  const { name, management, now, onChange } = options;
  const entries = new Map<FleetKind, KindEntry>(
    FLEET_KINDS.map((kind) => {
      const watched = options.kinds.includes(kind);
      return [kind, { watched, objects: new VersionedMap<CachedObject>(), healthy: !watched, error: undefined }];
    }),
  );
  let probeError: ClusterSnapshotError | undefined;
  let version: string | undefined;
  let latencyMs: number | undefined;
  let state: ClusterSyncState = "syncing";
  let staleSince: string | undefined;
  let lastError: ClusterSnapshotError | undefined;
  let lastSyncAt: string | undefined;
  let lastChangeAt: string | undefined;
  let snapshot: ClusterSnapshot | undefined;
  // Until the first full list, the maps are empty because nothing was seen, not because the cluster is empty.
  const watchingSince = now().toISOString();

  function currentError(): ClusterSnapshotError | undefined {
    if (probeError) return probeError;
    for (const entry of entries.values()) if (entry.error) return entry.error;
    return undefined;
  }

  function touch(objectsChanged: boolean): void {
    const at = now().toISOString();
    if (objectsChanged) lastChangeAt = at;
    const error = currentError();
    const allHealthy = [...entries.values()].every((e) => e.healthy);
    const next: ClusterSyncState = error ? "stale" : allHealthy ? "synced" : "syncing";
    if (error) lastError = error;
    if (next === "stale" && state !== "stale") staleSince = at;
    if (next !== "stale") staleSince = undefined;
    if (next === "synced" && state !== "synced") lastSyncAt = at;
    state = next;
    snapshot = undefined;
    onChange();
  }

  function sink(kind: FleetKind): InformerSink {
    const entry = entries.get(kind);
    if (!entry) throw new Error(`unknown kind ${kind}`);
    return {
      replace: (items) => {
        entry.objects = new VersionedMap(items.map((o) => [objectKey(o.metadata), o] as const));
        touch(true);
      },
      upsert: (object) => {
        entry.objects.set(objectKey(object.metadata), object);
        touch(true);
      },
      remove: (object) => {
        if (entry.objects.delete(objectKey(object.metadata))) touch(true);
      },
      healthy: () => {
        if (entry.healthy && !entry.error) return;
        entry.healthy = true;
        entry.error = undefined;
        touch(false);
      },
      failed: (error) => {
        entry.error = error.toView();
        touch(false);
      },
    };
  }

  function probe(outcome: ProbeOutcome): void {
    if (outcome.ok) {
      probeError = undefined;
      version = outcome.version;
      latencyMs = Math.round(outcome.latencyMs * 10) / 10;
    } else {
      probeError = outcome.error.toView();
    }
    touch(false);
  }

  function objects(): Record<FleetKind, ObjectMap> {
    const out = {} as Record<FleetKind, ObjectMap>;
    // An unchanged kind hands out the same view again (consumers memoise on its identity).
    for (const [kind, entry] of entries) out[kind] = entry.objects.snapshot();
    return out;
  }

  function build(): ClusterSnapshot {
    const optional = { staleSince, lastError, version, latencyMs, lastSyncAt, watchingSince, lastChangeAt };
    const defined = Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined));
    return { name, state, management, ...defined, objects: objects() };
  }

  return {
    name,
    sink,
    probe,
    /** The same object until something changes, so consumers can compare by identity. */
    snapshot: (): ClusterSnapshot => (snapshot ??= build()),
  };
}

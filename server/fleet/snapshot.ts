import type { ClusterSnapshot, FleetKind, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { Informer, InformerSink } from "@/server/kube/informer";
import type { ClusterHandle } from "@/server/kube/kubeconfig";
import { kindsFor } from "@/server/kube/kinds";
import type { ProbeOutcome } from "@/server/kube/probe";
import { createClusterCache, type ClusterCache } from "./cluster-cache";

export type { ClusterSnapshot, FleetSnapshot } from "@/lib/fleet/snapshot-types";

/**
 * What consumers of the fleet cache (the registry controller, the overview) depend on; the
 * running instance is `getRuntime().fleet.snapshots` (server/runtime.ts).
 * Snapshots are immutable; `subscribe` is called with each new one, at most once per
 * coalescing tick, never re-entrantly.
 */
export type FleetSnapshotSource = {
  /** The last published snapshot. */
  current: () => FleetSnapshot;
  subscribe: (listener: (snapshot: FleetSnapshot) => void) => () => void;
};

export type FleetCacheDeps = {
  startInformer: (handle: ClusterHandle, kind: FleetKind, sink: InformerSink) => Informer;
  now: () => Date;
  /** Changes within this window are published together (bursts become one snapshot). */
  flushIntervalMs: number;
};

type Member = { cache: ClusterCache; informers: Informer[] };

export type FleetCache = ReturnType<typeof createFleetCache>;

/** Per-cluster caches → immutable fleet snapshots with an increasing revision. */
export function createFleetCache(deps: FleetCacheDeps) {
  let members: Member[] = [];
  let managementCluster: string | null = null;
  let revision = 0;
  let published: FleetSnapshot = { revision, at: deps.now().toISOString(), managementCluster, clusters: [] };
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastFlush = 0;
  const listeners = new Set<(snapshot: FleetSnapshot) => void>();

  /** Leading edge right away (low latency when quiet), then at most once per interval. */
  function schedule(): void {
    dirty = true;
    if (timer) return;
    const wait = Math.max(0, lastFlush + deps.flushIntervalMs - performance.now());
    timer = setTimeout(flush, wait);
  }

  function flush(): FleetSnapshot {
    clearTimeout(timer);
    timer = undefined;
    if (!dirty) return published;
    dirty = false;
    lastFlush = performance.now();
    revision += 1;
    const clusters: ClusterSnapshot[] = members.map((m) => m.cache.snapshot());
    published = { revision, at: deps.now().toISOString(), managementCluster, clusters };
    for (const listener of listeners) listener(published);
    return published;
  }

  function stopInformers(): void {
    for (const member of members) for (const informer of member.informers) informer.stop();
  }

  /** Replaces the fleet (a new kubeconfig): stops every informer and starts one per kind per cluster. */
  function reset(handles: readonly ClusterHandle[], management: string | null): void {
    stopInformers();
    managementCluster = management;
    members = handles.map((handle) => {
      const isManagement = handle.name === management;
      const kinds = handle.kubeConfig ? kindsFor(isManagement) : [];
      const cache = createClusterCache({ name: handle.name, management: isManagement, kinds, now: deps.now, onChange: schedule });
      const informers = kinds.map((kind) => deps.startInformer(handle, kind, cache.sink(kind)));
      return { cache, informers };
    });
    dirty = true;
    flush();
  }

  function probe(cluster: string, outcome: ProbeOutcome): void {
    members.find((m) => m.cache.name === cluster)?.cache.probe(outcome);
  }

  return {
    reset,
    probe,
    /** Publishes pending changes now (e.g. before answering a recheck) and returns the snapshot. */
    flush,
    current: (): FleetSnapshot => published,
    subscribe(listener: (snapshot: FleetSnapshot) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop(): void {
      clearTimeout(timer);
      timer = undefined;
      stopInformers();
      members = [];
    },
  };
}

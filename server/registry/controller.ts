// The registry controller: snapshot → plan → diff → writes, level-triggered. Every snapshot change and every
// resync tick enqueues all clusters (the plan is global, but each cluster is its own queue key, so one hung
// cluster never delays the others and bursts coalesce per cluster). In standalone mode only the Lease holder
// writes; in observe mode nothing is written and the status compares what exists with what the plan expects.
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { RegistryMode } from "@/lib/registry/types";
import type { ClusterWriter } from "@/server/kube/writer";
import type { HostnameFeed } from "./hostname-resolver";
import type { LeaderElector } from "./leader-election";
import { createReconciler } from "./reconciler";
import type { AnyCondition } from "./fleet-state";
import { buildStatus, type RegistryStatus, type WriteCounters } from "./status";
import { createWorkQueue } from "./work-queue";

export type SnapshotSource = {
  current(): FleetSnapshot | undefined;
  /** Calls back on every new snapshot; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Where the Workspaces live, when the source knows (the fleet cache does). */
  managementCluster?: () => string | undefined;
};

export type RegistryDeps = {
  mode: RegistryMode;
  source: SnapshotSource;
  writerFor: (cluster: string) => ClusterWriter | undefined;
  /** Standalone mode writes only while this says so; without one (a single replica) it always writes. */
  leader?: LeaderElector;
  managementCluster?: string;
  /** DNS answers for gateway hostnames (hostname-resolver.ts); without it, DNS-named gateways stay flagged. */
  hostnames?: HostnameFeed;
  /** Publish loopback gateway addresses (EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES; the lab only). Absent: rejected. */
  allowLoopbackGatewayAddresses?: boolean;
  resyncMs?: number;
  coalesceMs?: number;
  /** Clusters reconciled at once, and writes in flight per cluster. */
  clusterConcurrency?: number;
  writeConcurrency?: number;
  log?: (line: string) => void;
};

export type Registry = {
  status(): RegistryStatus;
  /**
   * Every condition (planner, writes, DNS), without the fleet-wide expected-versus-actual and propagation status()
   * builds: what a page watching one workspace filters on each reconcile.
   */
  conditions(): AnyCondition[];
  /** Calls back after each cluster's reconcile (its write results, DNS answers and plan are then current). */
  onReconciled(listener: () => void): () => void;
  /** Enqueues every cluster and resolves when the queue is idle (tests, benchmarks, a manual "resync now"). */
  reconcileNow(): Promise<void>;
  writes(): WriteCounters;
  stop(): Promise<void>;
};

export function startRegistry(deps: RegistryDeps): Registry {
  const resyncMs = deps.resyncMs ?? 60_000;
  const canWrite = () => deps.mode === "standalone" && (deps.leader ? deps.leader.isLeader() : true);
  let deferred: ReturnType<typeof setTimeout> | undefined;
  const reconciler = createReconciler({
    onDeferred: (delayMs) => {
      deferred ??= setTimeout(() => {
        deferred = undefined;
        enqueueAll();
      }, delayMs);
    },
    ...deps,
    ...(deps.leader ? { identity: deps.leader.identity } : {}),
    snapshot: () => deps.source.current(),
    managementCluster: () => deps.managementCluster ?? deps.source.managementCluster?.(),
    canWrite,
    writeConcurrency: deps.writeConcurrency ?? 8,
    expectationTtlMs: Math.max(resyncMs, 30_000),
  });
  const reconciled = new Set<() => void>();
  const queue = createWorkQueue<string>({
    process: async (cluster) => {
      try {
        return await reconciler.reconcileCluster(cluster);
      } finally {
        for (const listener of reconciled) listener();
      }
    },
    concurrency: deps.clusterConcurrency ?? 4,
    coalesceMs: deps.coalesceMs ?? 100,
    backoff: { initialMs: 500, maxMs: 30_000 },
    onError: (cluster, err) => deps.log?.(`registry: reconcile of ${cluster} failed: ${err instanceof Error ? err.message : String(err)}`),
  });
  const enqueueAll = () => {
    for (const c of deps.source.current()?.clusters ?? []) queue.add(c.name);
  };
  const unsubscribe = deps.source.subscribe(enqueueAll);
  const offLeader = deps.leader?.onChange((leading) => leading && enqueueAll());
  const offHostnames = deps.hostnames?.subscribe(enqueueAll);
  const timer = setInterval(enqueueAll, resyncMs);
  timer.unref();
  enqueueAll();

  return {
    status: () =>
      buildStatus({
        mode: deps.mode,
        leader: canWrite(),
        identity: deps.leader?.identity ?? "single",
        lastReconcileAt: reconciler.lastReconcileAt(),
        state: reconciler.state(),
        writeConditions: [...reconciler.writeConditions(), deps.hostnames?.conditions() ?? []],
        writes: reconciler.counters(),
      }),
    conditions: () => [...(reconciler.state()?.conditions ?? []), ...[...reconciler.writeConditions()].flat(), ...(deps.hostnames?.conditions() ?? [])],
    onReconciled(listener) {
      reconciled.add(listener);
      return () => reconciled.delete(listener);
    },
    async reconcileNow() {
      reconciler.planLatest();
      enqueueAll();
      await queue.idle();
    },
    writes: reconciler.counters,
    async stop() {
      clearInterval(timer);
      clearTimeout(deferred);
      unsubscribe();
      offLeader?.();
      offHostnames?.();
      queue.shutdown();
      // Let writes already in flight finish (each has its own deadline) so nothing is half-reported.
      await queue.idle();
    },
  };
}

// The registry controller: the fleet model's state (snapshot → plan → diff, server/model) → writes,
// level-triggered. Every new model state and every resync tick enqueues all clusters (the plan is global, but
// each cluster is its own queue key, so one hung cluster never delays the others and bursts coalesce per cluster). In standalone mode only the Lease holder
// writes; in observe mode nothing is written and the status compares what exists with what the plan expects.
import pLimit from "p-limit";
import type { RegistryMode } from "@/lib/registry/types";
import type { ClusterWriter } from "@/server/kube/writer";
import type { ModelSource } from "@/server/model/fleet-model";
import type { FleetModel } from "@/server/model/types";
import type { HostnameFeed } from "./hostname-resolver";
import type { LeaderElector } from "./leader-election";
import { createReconciler } from "./reconciler";
import type { AnyCondition } from "./fleet-state";
import { buildStatus, createStatusMemo, type RegistryStatus, type WriteCounters } from "./status";
import { createWorkQueue } from "./work-queue";

export type SnapshotSource = ModelSource;

export type RegistryDeps = {
  mode: RegistryMode;
  /** The fleet model: the registry writes what its state says (it plans and diffs nothing of its own). */
  model: FleetModel;
  writerFor: (cluster: string) => ClusterWriter | undefined;
  /** Standalone mode writes only while this says so; without one (a single replica) it always writes. */
  leader?: LeaderElector;
  /** The resolver the model plans with: its conditions (names that do not resolve) are the registry's too. */
  hostnames?: HostnameFeed;
  resyncMs?: number;
  coalesceMs?: number;
  /**
   * Large passes at once (a cluster converging: many writes), writes in flight per cluster, and writes in flight
   * in all. The budget bounds the load; the few large passes keep a converging fleet's digests to the clusters
   * that change. Small passes (one change's few writes per cluster) are not held behind each other: one change
   * reaches every cluster in one round of writes instead of one round per few clusters.
   */
  clusterConcurrency?: number;
  writeConcurrency?: number;
  writeBudget?: number;
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
  /**
   * Waits for the model to digest the snapshot current now (model.settled: planned from its own input), then
   * enqueues every cluster and resolves when the queue is idle (tests, benchmarks, a manual "resync now").
   */
  reconcileNow(): Promise<void>;
  writes(): WriteCounters;
  stop(): Promise<void>;
};

export function startRegistry(deps: RegistryDeps): Registry {
  const resyncMs = deps.resyncMs ?? 60_000;
  const budget = deps.writeBudget ?? 32;
  const canWrite = () => deps.mode === "standalone" && (deps.leader ? deps.leader.isLeader() : true);
  const reconciler = createReconciler({
    ...deps,
    ...(deps.leader ? { identity: deps.leader.identity } : {}),
    canWrite,
    writeConcurrency: deps.writeConcurrency ?? 8,
    budget: pLimit(budget),
    largePasses: pLimit(deps.clusterConcurrency ?? 4),
    expectationTtlMs: Math.max(resyncMs, 30_000),
  });
  const reconciled = new Set<() => void>();
  const statusMemo = createStatusMemo();
  const queue = createWorkQueue<string>({
    process: async (cluster) => {
      try {
        return await reconciler.reconcileCluster(cluster);
      } finally {
        for (const listener of reconciled) listener();
      }
    },
    // Every pass writes, so no more passes run than the budget has writes.
    concurrency: budget,
    coalesceMs: deps.coalesceMs ?? 100,
    backoff: { initialMs: 500, maxMs: 30_000 },
    onError: (cluster, err) => deps.log?.(`registry: reconcile of ${cluster} failed: ${err instanceof Error ? err.message : String(err)}`),
  });
  const enqueueAll = () => {
    for (const c of deps.model.current()?.snapshot.clusters ?? []) queue.add(c.name);
  };
  const unsubscribe = deps.model.subscribe(enqueueAll);
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
      }, statusMemo),
    conditions: () => [...(reconciler.state()?.conditions ?? []), ...[...reconciler.writeConditions()].flat(), ...(deps.hostnames?.conditions() ?? [])],
    onReconciled(listener) {
      reconciled.add(listener);
      return () => reconciled.delete(listener);
    },
    async reconcileNow() {
      await deps.model.settled();
      enqueueAll();
      await queue.idle();
    },
    writes: reconciler.counters,
    async stop() {
      clearInterval(timer);
      unsubscribe();
      offLeader?.();
      offHostnames?.();
      queue.shutdown();
      // Let writes already in flight finish (each has its own deadline) so nothing is half-reported.
      await queue.idle();
    },
  };
}

// The per-cluster step of the registry: take the fleet model's current state (server/model/fleet-model.ts: the
// snapshot digested, planned off the event loop and diffed) and carry out that cluster's actions if this replica
// may write.
import type { RegistryMode } from "@/lib/registry/types";
import type { ClusterWriter } from "@/server/kube/writer";
import type { FleetModel } from "@/server/model/types";
import { executeActions, type Limit } from "./execute";
import { createExpectations } from "./expectations";
import type { AnyCondition, FleetState } from "./fleet-state";
import type { WriteCounters } from "./status";

export type ReconcilerDeps = {
  mode: RegistryMode;
  model: FleetModel;
  writerFor: (cluster: string) => ClusterWriter | undefined;
  canWrite: () => boolean;
  writeConcurrency: number;
  /** The writes in flight across every cluster's pass. */
  budget?: Limit;
  /** Passes of more than LARGE_PASS actions run through this (a few clusters at a time); smaller ones at once. */
  largePasses?: Limit;
  expectationTtlMs: number;
  log?: (line: string) => void;
  /** The replica's identity, named in the Events it records. */
  identity?: string;
};

/** A pass with more actions than this is a convergence (a new cluster, a new gateway), not one change's writes. */
export const LARGE_PASS = 64;

export function createReconciler(deps: ReconcilerDeps) {
  const expectations = createExpectations(deps.expectationTtlMs);
  const writeConditions = new Map<string, AnyCondition[]>();
  const counters: WriteCounters = { applied: 0, deleted: 0, failed: 0 };
  let lastReconcileAt: string | null = null;

  /** The model's latest digested state: planning and diffing happened when the snapshot arrived, not here. */
  const state = (): FleetState | undefined => deps.model.current()?.registry;

  async function reconcileCluster(cluster: string): Promise<"done" | "retry"> {
    const current = state();
    if (!current || !deps.canWrite()) return "done";
    const writer = deps.writerFor(cluster);
    const actions = current.actions.get(cluster) ?? [];
    lastReconcileAt = new Date().toISOString();
    if (!writer || actions.length === 0) {
      writeConditions.delete(cluster);
      return "done";
    }
    const execute = () => executeActions(actions, { writer, canWrite: deps.canWrite, expectations, concurrency: deps.writeConcurrency, ...(deps.budget ? { budget: deps.budget } : {}), now: () => performance.now(), ...(deps.identity ? { identity: deps.identity } : {}), ...(deps.log ? { log: deps.log } : {}) });
    const result = await (deps.largePasses && actions.length > LARGE_PASS ? deps.largePasses(execute) : execute());
    counters.applied += result.applied;
    counters.deleted += result.deleted;
    counters.failed += result.failed;
    writeConditions.set(cluster, result.conditions);
    if (result.applied + result.deleted + result.failed > 0) {
      deps.log?.(`registry: ${cluster}: ${result.applied} applied, ${result.deleted} deleted, ${result.failed} failed`);
    }
    return result.retry ? "retry" : "done";
  }

  return {
    state,
    reconcileCluster,
    writeConditions: () => writeConditions.values(),
    counters: (): WriteCounters => ({ ...counters }),
    lastReconcileAt: () => lastReconcileAt,
  };
}

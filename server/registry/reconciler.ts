// The per-cluster step of the registry: take the current snapshot's digested state (memoised per snapshot,
// so a burst of cluster keys plans once), and carry out that cluster's actions if this replica may write.
import type { RegistryMode } from "@/lib/registry/types";
import type { ClusterWriter } from "@/server/kube/writer";
import { executeActions, type Expectations } from "./execute";
import { computeFleetState, type AnyCondition, type FleetState } from "./fleet-state";
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { HostnameFeed } from "./hostname-resolver";
import type { WriteCounters } from "./status";

export type ReconcilerDeps = {
  mode: RegistryMode;
  snapshot: () => FleetSnapshot | undefined;
  managementCluster: () => string | undefined;
  hostnames?: HostnameFeed;
  allowLoopbackGatewayAddresses?: boolean;
  writerFor: (cluster: string) => ClusterWriter | undefined;
  canWrite: () => boolean;
  writeConcurrency: number;
  expectationTtlMs: number;
  log?: (line: string) => void;
  /** The replica's identity, named in the Events it records. */
  identity?: string;
  /** Called when a newer snapshot was not planned yet (throttled): run everything again after `delayMs`. */
  onDeferred: (delayMs: number) => void;
};

export function createReconciler(deps: ReconcilerDeps) {
  const expectations: Expectations = new Map();
  const writeConditions = new Map<string, AnyCondition[]>();
  const counters: WriteCounters = { applied: 0, deleted: 0, failed: 0 };
  let memo: { snapshot: FleetSnapshot; resolved: Record<string, string[]> | undefined; state: FleetState; at: number; tookMs: number } | undefined;
  let lastReconcileAt: string | null = null;
  /** Set by an explicit "reconcile now": plan the latest snapshot without throttling. */
  let fresh = false;

  /**
   * The digested state of the latest snapshot. Planning is O(objects); during a burst of write events the cache
   * publishes a snapshot every flush, so a new plan is computed at most once per the last plan's own duration
   * (planning then takes at most about half the CPU). A deferred snapshot is planned by a later pass.
   */
  function state(): FleetState | undefined {
    const snapshot = deps.snapshot();
    if (!snapshot) return undefined;
    // Not before every gateway name was looked up once: "no answer yet" must not read as "no address".
    if (deps.hostnames && !deps.hostnames.ready(snapshot)) return memo?.state;
    const resolved = deps.hostnames?.resolved();
    if (memo?.snapshot === snapshot && memo.resolved === resolved) return memo.state;
    const now = performance.now();
    if (memo && !fresh && now - memo.at < memo.tookMs) {
      deps.onDeferred(memo.tookMs - (now - memo.at));
      return memo.state;
    }
    const computed = computeFleetState(snapshot, { managementCluster: deps.managementCluster(), allowLoopbackGatewayAddresses: deps.allowLoopbackGatewayAddresses === true, ...(resolved ? { resolvedHostnames: resolved } : {}) }, memo?.state);
    const end = performance.now();
    if (computed.plan !== memo?.state.plan && end - now > 500) deps.log?.(`registry: planned the fleet in ${(end - now).toFixed(0)} ms`);
    memo = { snapshot, resolved, state: computed, at: end, tookMs: end - now };
    fresh = false;
    return computed;
  }

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
    const result = await executeActions(actions, { writer, canWrite: deps.canWrite, expectations, expectationTtlMs: deps.expectationTtlMs, concurrency: deps.writeConcurrency, now: () => performance.now(), ...(deps.identity ? { identity: deps.identity } : {}), ...(deps.log ? { log: deps.log } : {}) });
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
    planLatest: () => {
      fresh = true;
    },
    reconcileCluster,
    writeConditions: () => writeConditions.values(),
    counters: (): WriteCounters => ({ ...counters }),
    lastReconcileAt: () => lastReconcileAt,
  };
}

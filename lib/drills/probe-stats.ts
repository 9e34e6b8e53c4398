// Figures over the probe's samples (pure; the machine and the report use them). A window is [from, to) in epoch
// ms of the samples' `at` (when each request finished). "Served by" counts successful responses only: a failed
// request was served by no instance, or by one failing on purpose (FailRequests), which is not where traffic
// went. A success without x-served-by-cluster (a real cluster without the EnvoyFilter) counts as "unknown".
import type { ProbeSample } from "./machine-types";
import type { ServedByCounts } from "./schema";

export const UNKNOWN_CLUSTER = "unknown";

export type ProbeWindow = { from: number; to?: number };

export type ProbeStats = {
  requests: number;
  succeeded: number;
  failed: number;
  /** 0…1; undefined when there was no request. */
  successRate?: number;
  /** Over successful requests (a 5 s timeout is a failure, not a latency). */
  p50LatencyMs?: number;
  p95LatencyMs?: number;
  servedBy: ServedByCounts;
};

/** The samples in the window, in time order (a log read in chunks may hand them over slightly out of order). */
export function inWindow(samples: readonly ProbeSample[], window: ProbeWindow): ProbeSample[] {
  return samples.filter((s) => s.at >= window.from && (window.to === undefined || s.at < window.to)).sort((a, b) => a.at - b.at);
}

/** Nearest-rank percentile (p in 0…100): a latency that was actually observed, never an interpolation. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

export function probeStats(samples: readonly ProbeSample[], window: ProbeWindow): ProbeStats {
  const inside = inWindow(samples, window);
  const servedBy: ServedByCounts = {};
  const latencies: number[] = [];
  let succeeded = 0;
  for (const s of inside) {
    if (!s.ok) continue;
    succeeded++;
    const cluster = s.servedByCluster ?? UNKNOWN_CLUSTER;
    servedBy[cluster] = (servedBy[cluster] ?? 0) + 1;
    if (s.latencyMs !== undefined) latencies.push(s.latencyMs);
  }
  const requests = inside.length;
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  return {
    requests,
    succeeded,
    failed: requests - succeeded,
    ...(requests > 0 ? { successRate: succeeded / requests } : {}),
    ...(p50 === undefined ? {} : { p50LatencyMs: p50 }),
    ...(p95 === undefined ? {} : { p95LatencyMs: p95 }),
    servedBy,
  };
}

const servedLocally = (s: ProbeSample, local: string) => s.ok && s.servedByCluster === local;
const servedRemotely = (s: ProbeSample, local: string) => s.ok && s.servedByCluster !== undefined && s.servedByCluster !== local;

/** When a remote cluster first served a request after `after` (the brief's plain "first remote"); undefined if none. */
export function firstRemoteServedAt(samples: readonly ProbeSample[], local: string, after: number): number | undefined {
  return inWindow(samples, { from: after }).find((s) => servedRemotely(s, local))?.at;
}

/**
 * When traffic moved: the first remote-served request after `after` that no locally served request follows (up
 * to `to`). With locality load balancing the first remote answer is already that moment; without it (a baseline
 * spread over clusters), a remote answer while the local instance still serves is no shift, and this waits for
 * the local instance to stop answering. Pods being deleted keep serving their open connections for a while
 * (domain.md §3b), so the last local answers come after the fault: they move the shift later, as they should.
 */
export function shiftedAt(samples: readonly ProbeSample[], local: string, after: number, to?: number): number | undefined {
  const inside = inWindow(samples, { from: after, ...(to === undefined ? {} : { to }) });
  let shift: number | undefined;
  for (const s of inside) {
    if (servedLocally(s, local)) shift = undefined;
    else if (shift === undefined && servedRemotely(s, local)) shift = s.at;
  }
  return shift;
}

/** When the local instance served again after `after` (the restore); undefined while it has not. */
export function localAgainAt(samples: readonly ProbeSample[], local: string, after: number): number | undefined {
  return inWindow(samples, { from: after }).find((s) => servedLocally(s, local))?.at;
}

/** The error seen most often among failed requests in the window (for a reason a person can act on). */
export function commonestError(samples: readonly ProbeSample[], window: ProbeWindow): string | undefined {
  const counts = new Map<string, number>();
  for (const s of inWindow(samples, window)) {
    if (s.ok) continue;
    const key = s.error ?? (s.status ? `HTTP ${s.status}` : "no response");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [key, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = key;
  return best;
}

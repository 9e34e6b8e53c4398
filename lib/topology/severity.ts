// Orders of badness the graph and the table share. Health order (issue #12: "sorting with unhealthy first"):
// Unavailable, At risk, Failed over, Unknown, then Remote only and Serving locally. Unknown ranks after the three
// known-bad states: a stale cluster may be fine, and it must never look worse than what we can see is broken.
import type { FailoverKind } from "@/lib/failover/types";
import type { EdgeStatus, StateCounts } from "./types";

export const HEALTH_ORDER: readonly FailoverKind[] = ["unavailable", "at-risk", "failed-over", "unknown", "remote-only", "serving-locally"];

const HEALTH_RANK: Readonly<Record<FailoverKind, number>> = Object.fromEntries(HEALTH_ORDER.map((k, i) => [k, i])) as Record<FailoverKind, number>;

/** Lower is worse (unavailable 0 … serving-locally 5). */
export const healthRank = (kind: FailoverKind): number => HEALTH_RANK[kind];

/** The worst state present in `counts`. */
export function worstOf(counts: StateCounts): FailoverKind | undefined {
  for (const kind of HEALTH_ORDER) if ((counts[kind] ?? 0) > 0) return kind;
  return undefined;
}

/** types.ts: broken > active > standby. */
const EDGE_RANK: Readonly<Record<EdgeStatus, number>> = { broken: 0, active: 1, standby: 2 };

export function worseStatus(a: EdgeStatus, b: EdgeStatus): EdgeStatus {
  return EDGE_RANK[b] < EDGE_RANK[a] ? b : a;
}

/** Adds `from` into `into` (both state counts). */
export function addCounts(into: StateCounts, from: StateCounts): void {
  for (const kind of HEALTH_ORDER) {
    const n = from[kind];
    if (n) into[kind] = (into[kind] ?? 0) + n;
  }
}

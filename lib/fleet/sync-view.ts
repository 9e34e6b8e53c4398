import type { ClusterSync } from "@/lib/fleet-schema";
import type { ClusterSummary } from "./cluster-summary";
import { everSynced } from "./ever-synced";
import type { ClusterSnapshot } from "./snapshot-types";

/**
 * Whole seconds: busy clusters change objects (pod status, endpoints) many times a second
 * without changing any count; at second resolution they cost at most one update per second.
 */
export function toSecond(iso: string | undefined): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

/** The overview's view of one cluster's cache: state, times, counts; no objects. */
export function syncView(cluster: ClusterSnapshot, summary: ClusterSummary): ClusterSync {
  return {
    state: cluster.state,
    staleSince: cluster.state === "stale" ? (cluster.staleSince ?? null) : null,
    error: cluster.state === "stale" ? (cluster.lastError ?? null) : null,
    lastSyncAt: cluster.lastSyncAt ?? null,
    everSynced: everSynced(cluster),
    watchingSince: cluster.watchingSince ?? null,
    lastChangeAt: toSecond(cluster.lastChangeAt),
    lastVersion: cluster.version ?? null,
    counts: summary.counts,
    workspaces: summary.workspaces,
  };
}

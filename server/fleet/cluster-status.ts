import type { ClusterStatus, ClusterSync } from "@/lib/fleet-schema";
import type { ClusterHandle } from "@/server/kube/kubeconfig";
import type { ProbeOutcome } from "@/server/kube/probe";
import { publicServer } from "./public-view";

/** Before the cache has reported anything about a cluster. */
export const NO_SYNC: ClusterSync = {
  state: "syncing",
  staleSince: null,
  error: null,
  lastSyncAt: null,
  everSynced: false,
  watchingSince: null,
  lastChangeAt: null,
  lastVersion: null,
  counts: { gateways: 0, exposedServices: 0, serviceEntries: 0, shadowWorkloadEntries: 0, services: 0, namespaces: 0, pods: 0, deployments: 0, objects: 0 },
  workspaces: [],
};

/** Turns one probe outcome (and what the cache knows) into the view model's per-cluster result. */
export function toClusterStatus(
  handle: ClusterHandle,
  outcome: ProbeOutcome,
  context: { checkedAt: Date; since: string | undefined; management: boolean; lastReachableAt: string | null; sync?: ClusterSync },
): ClusterStatus {
  const base = {
    cluster: handle.name,
    server: publicServer(handle.server),
    management: context.management,
    checkedAt: context.checkedAt.toISOString(),
    since: context.since ?? context.checkedAt.toISOString(),
    sync: context.sync ?? NO_SYNC,
  };
  if (outcome.ok) {
    return { ...base, ok: true, value: { version: outcome.version, latencyMs: Math.round(outcome.latencyMs * 10) / 10 } };
  }
  return { ...base, ok: false, error: outcome.error.toView(), lastReachableAt: context.lastReachableAt };
}

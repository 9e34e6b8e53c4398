// Per cluster of a workspace: freshness (stale clusters keep their last known objects and say since when),
// the workspace's namespaces that exist there, and its east-west gateways.
import { everSynced } from "@/lib/fleet/ever-synced";
import type { ClusterSnapshot, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { WorkspaceScope } from "@/lib/plan/workspace-scope";
import type { ClusterFreshness, WorkspaceCluster } from "@/lib/workspace-view/types";
import type { AddressCondition } from "./gateway-address-problems";
import { gatewayStates } from "./gateway-state";

export function freshnessOf(cluster: ClusterSnapshot): ClusterFreshness {
  if (cluster.state === "synced") return { state: "synced", everSynced: true };
  const reason = cluster.state === "syncing" ? "still syncing" : cluster.lastError?.message;
  return {
    state: cluster.state,
    everSynced: everSynced(cluster),
    ...(cluster.watchingSince ? { watchingSince: cluster.watchingSince } : {}),
    ...(cluster.staleSince ? { staleSince: cluster.staleSince } : {}),
    ...(reason ? { reason } : {}),
  };
}

/** `conditions`: the planner's (or registry's) conditions of the workspace, for the gateways' address problems. */
export function workspaceClusters(snapshot: FleetSnapshot, names: readonly string[], scope: WorkspaceScope, conditions: readonly AddressCondition[] = []): WorkspaceCluster[] {
  return snapshot.clusters
    .filter((c) => names.includes(c.name))
    .map((c) => {
      const namespaces = [...(scope.get(c.name) ?? [])];
      return { name: c.name, management: c.management, freshness: freshnessOf(c), namespaces, gateways: gatewayStates(c, namespaces, conditions) };
    });
}

import type { ClusterSync } from "@/lib/fleet-schema";
import { summarizeCluster, type SummaryBasis } from "@/lib/fleet/cluster-summary";
import type { ClusterSnapshot, FleetSnapshot, ObjectMap } from "@/lib/fleet/snapshot-types";
import { syncView } from "@/lib/fleet/sync-view";
import { workspacesOf, type WorkspaceDef } from "@/lib/fleet/workspaces";

/**
 * Sync views for every cluster of a snapshot, memoised on identity: an unchanged cluster
 * snapshot with unchanged workspaces is not summarised again. Workspaces change only when
 * the management cluster's Workspace or WorkspaceSetting maps do (they are frozen per kind).
 */
export function createSummarizer() {
  let wsKey: [ObjectMap | undefined, ObjectMap | undefined] = [undefined, undefined];
  let workspaces: WorkspaceDef[] = [];
  let memo = new WeakMap<ClusterSnapshot, ClusterSync>();
  // Per cluster name, the last summary's basis: a snapshot rebuilt for a probe reuses its counts (cluster-summary.ts).
  const bases = new Map<string, SummaryBasis>();

  function workspacesFor(snapshot: FleetSnapshot): WorkspaceDef[] {
    const management = snapshot.clusters.find((c) => c.management);
    const key: typeof wsKey = [management?.objects.Workspace, management?.objects.WorkspaceSetting];
    if (key[0] !== wsKey[0] || key[1] !== wsKey[1]) {
      wsKey = key;
      workspaces = workspacesOf(management);
      memo = new WeakMap();
    }
    return workspaces;
  }

  return (snapshot: FleetSnapshot): Map<string, ClusterSync> => {
    const defs = workspacesFor(snapshot);
    const out = new Map<string, ClusterSync>();
    for (const name of bases.keys()) if (!snapshot.clusters.some((c) => c.name === name)) bases.delete(name);
    for (const cluster of snapshot.clusters) {
      let view = memo.get(cluster);
      if (!view) {
        const basis = summarizeCluster(cluster, defs, bases.get(cluster.name));
        bases.set(cluster.name, basis);
        view = syncView(cluster, basis.summary);
        memo.set(cluster, view);
      }
      out.set(cluster.name, view);
    }
    return out;
  };
}

// The full topology of a workspace or of the whole fleet, memoized on the fleet model's state (the model's view
// memo, server/workspaces/view-memo.ts): recomputed only when a workspace's failover data (failover-data.ts) or
// the clusters' freshness changed, so every request between two changes only aggregates or pages (lib/topology
// graph.ts). The fleet's is the union over every workspace (lib/topology/leaves.ts: a service in several
// workspaces is drawn once per cluster, with its worst state).
import { fullTopologySteps, type FullTopology } from "@/lib/topology/full-graph";
import type { TopologyCluster, WorkspaceFailover } from "@/lib/topology/source";
import type { WorkspaceInput } from "@/lib/plan/input";
import { freshnessOf } from "@/lib/readiness/from-snapshot";
import type { ModelState } from "@/server/model/types";
import { requireWorkspace } from "@/server/workspaces/fleet-input";
import { snapshotKeys, type ViewMemo } from "@/server/workspaces/view-memo";
import { runSliced } from "@/server/workspaces/time-slice";
import { coreOf } from "@/server/workspaces/workspace-slice";
import { failoverDataOf } from "./failover-data";

async function workspaceFailover(memo: ViewMemo, state: ModelState, ws: WorkspaceInput): Promise<WorkspaceFailover> {
  const data = await failoverDataOf(memo, state, coreOf(memo, state, ws));
  return memo.get(`topology-ws\u0000${ws.name}`, [data], () => ({ workspace: ws.name, input: data.input, rows: data.rows }));
}

/** Every cluster of the fleet as the planner sees it, with since when each stale one is stale. */
function fleetClusters(memo: ViewMemo, state: ModelState): TopologyCluster[] {
  const keys = snapshotKeys(state.snapshot);
  const freshness = memo.get("freshness", [keys.clusters], () => freshnessOf(state.snapshot));
  return memo.get("topology-clusters", [state.adapted.input.clusters, freshness], () =>
    state.adapted.input.clusters.map((c) => {
      const since = c.stale ? freshness.get(c.name)?.staleSince : undefined;
      return { name: c.name, stale: c.stale, ...(since ? { staleSince: since } : {}), ...(c.locality ? { locality: c.locality } : {}) };
    }),
  );
}

/**
 * The full topology of `workspace` (NOT_FOUND naming "workspace" when unknown), or of the fleet without one. Async:
 * the workspaces' failover data is computed in slices of the event loop (failoverDataOf).
 */
export async function fullTopologyOf(memo: ViewMemo, state: ModelState, workspace: string | undefined): Promise<FullTopology> {
  if (workspace !== undefined) {
    const part = await workspaceFailover(memo, state, requireWorkspace(state, workspace));
    return memo.getAsync(`topology\u0000${workspace}`, [part], () =>
      runSliced(fullTopologySteps({ workspace, clusters: part.input.clusters, workspaces: [part], computedAt: state.snapshot.at })),
    );
  }
  const parts = await Promise.all(state.adapted.input.workspaces.map((ws) => workspaceFailover(memo, state, ws)));
  const clusters = fleetClusters(memo, state);
  return memo.getAsync("topology-fleet", [clusters, ...parts], () => runSliced(fullTopologySteps({ clusters, workspaces: parts, computedAt: state.snapshot.at })));
}

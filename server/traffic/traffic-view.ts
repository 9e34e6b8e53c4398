// `traffic.view`: the process's traffic view, whole or narrowed to one workspace's services. The workspace is
// checked against the model before Prometheus is asked, so an unknown name is NOT_FOUND ("workspace") whatever
// Prometheus's state; its services come from the same memoized core as the workspace page (workspace-slice.ts).
import { filterToServices } from "@/lib/traffic/view-filter";
import type { TrafficView } from "@/lib/traffic/types";
import type { FleetModel } from "@/server/model/types";
import { requireWorkspace, stateOf } from "@/server/workspaces/fleet-input";
import { viewMemoOf } from "@/server/workspaces/view-memo";
import { coreOf } from "@/server/workspaces/workspace-slice";
import type { TrafficSource } from "./traffic-source";

export type TrafficDeps = { source: TrafficSource; model: FleetModel };

export async function trafficView(deps: TrafficDeps, workspace?: string): Promise<TrafficView> {
  if (workspace === undefined) return deps.source.view();
  const state = await stateOf(deps);
  const memo = viewMemoOf(deps.model);
  const core = coreOf(memo, state, requireWorkspace(state, workspace));
  const view = await deps.source.view();
  // One filtered view per (cached view, workspace core): N tabs on one workspace share it too.
  return memo.get(`traffic\u0000${workspace}`, [view, core], () => filterToServices(view, new Set(core.services.map((s) => s.fqdn))));
}

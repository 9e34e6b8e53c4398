// What one workspace covers (its clusters, its namespaces per cluster, its services), for deciding which registry
// objects and conditions concern it: read from the fleet model with the planner's own scope and service helpers,
// through the workspace page's memo (workspace-slice.ts).
import type { FleetModel, ModelState } from "@/server/model/types";
import { requireWorkspace } from "./fleet-input";
import { viewMemoOf } from "./view-memo";
import type { WorkspaceReach } from "./workspace-conditions";
import { coreOf } from "./workspace-slice";

/** Throws NOT_FOUND naming the field `workspace` when the management cluster has no such Workspace. */
export function workspaceReachOf(model: FleetModel, state: ModelState, name: string): WorkspaceReach {
  return coreOf(viewMemoOf(model), state, requireWorkspace(state, name)).reach;
}

// What one workspace covers (its clusters, its namespaces per cluster, its services), for deciding which registry
// objects and conditions concern it: read from the fleet snapshot with the planner's own scope and service helpers.
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { workspaceScope } from "@/lib/plan/workspace-scope";
import { planInputOf, requireWorkspace, workspaceClusterNames } from "./fleet-input";
import type { WorkspaceReach } from "./workspace-conditions";
import { servicesOf } from "./workspace-services";

/** Throws NOT_FOUND naming the field `workspace` when the management cluster has no such Workspace. */
export function workspaceReachOf(snapshot: FleetSnapshot, name: string): WorkspaceReach {
  const ws = requireWorkspace(snapshot, name);
  const { input } = planInputOf(snapshot);
  const { scope } = workspaceScope(ws, input.clusters);
  return { name: ws.name, scope, clusters: workspaceClusterNames(snapshot, ws), services: servicesOf(ws, input.clusters).map((s) => s.fqdn) };
}

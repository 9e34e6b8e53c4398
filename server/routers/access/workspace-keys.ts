// The workspace keys a scope concerns, read from the fleet model the pages read (so the gate and the page agree on
// what a workspace spans). A key is "<namespace>/<name>" of the Workspace object (how roles are configured per
// workspace, server/auth), and also the bare name, which is how the console's inputs name a workspace. Only the
// actor's own keys (`candidates`) are looked at: the cost follows the person's grants, not the fleet's size.
import type { WorkspaceInput } from "@/lib/plan/input";
import { covers, workspaceScope } from "@/lib/plan/workspace-scope";
import type { FleetService } from "@/server/fleet/service";
import type { FleetModel } from "@/server/model/types";
import { stateOf } from "@/server/workspaces/fleet-input";
import { modelOf } from "@/server/workspaces/production-deps";
import type { AccessScope } from "./access-decision";

/** The keys a role may be configured under for this workspace. */
export function keysOfWorkspace(ws: Pick<WorkspaceInput, "name" | "namespace">): string[] {
  return ws.namespace ? [`${ws.namespace}/${ws.name}`, ws.name] : [ws.name];
}

export async function workspaceKeysOf(ctx: { fleet: FleetService; model?: FleetModel }, scope: AccessScope, candidates: readonly string[]): Promise<string[]> {
  if (scope.kind === "fleet") return [];
  const wanted = new Set(candidates);
  const { input } = (await stateOf({ model: modelOf(ctx) })).adapted;
  const granted = input.workspaces.filter((ws) => keysOfWorkspace(ws).some((k) => wanted.has(k)));
  const concerned =
    scope.kind === "workspace"
      ? granted.filter((ws) => ws.name === scope.workspace)
      : // A drill's namespace: the workspaces whose selector covers it in that cluster (an existing namespace only).
        granted.filter((ws) => covers(workspaceScope(ws, input.clusters).scope, scope.cluster, scope.namespace));
  return concerned.flatMap(keysOfWorkspace);
}

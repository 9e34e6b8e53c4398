// The workspace keys a scope concerns, read from the fleet model the pages read (so the gate and the page agree on
// what a workspace spans). A key is "<namespace>/<name>" of the Workspace object (how roles are configured per
// workspace, server/auth), and also the bare name, which is how the console's inputs name a workspace. Only the
// actor's own keys (`candidates`) are looked at: the cost follows the person's grants, not the fleet's size.
import type { WorkspaceInput } from "@/lib/plan/input";
import { covers, workspaceScope } from "@/lib/plan/workspace-scope";
import type { FleetService } from "@/server/fleet/service";
import type { FleetModel } from "@/server/model/types";
import { stateOf, workspaceClusterNames } from "@/server/workspaces/fleet-input";
import { modelOf } from "@/server/workspaces/production-deps";
import type { AccessScope, ScopeGrant } from "./access-decision";

/** The keys a role may be configured under for this workspace. */
export function keysOfWorkspace(ws: Pick<WorkspaceInput, "name" | "namespace">): string[] {
  return ws.namespace ? [`${ws.namespace}/${ws.name}`, ws.name] : [ws.name];
}

export async function workspaceKeysOf(ctx: { fleet: FleetService; model?: FleetModel }, scope: AccessScope, candidates: readonly string[]): Promise<ScopeGrant> {
  if (scope.kind === "fleet") return { keys: [], outside: [] };
  const wanted = new Set(candidates);
  const state = await stateOf({ model: modelOf(ctx) });
  const { input } = state.adapted;
  const granted = input.workspaces.filter((ws) => keysOfWorkspace(ws).some((k) => wanted.has(k)));
  if (scope.kind === "namespace") {
    // A drill's namespace: the workspaces whose selector covers it in that cluster (an existing namespace only).
    const spanning = granted.filter((ws) => covers(workspaceScope(ws, input.clusters).scope, scope.cluster, scope.namespace));
    return { keys: spanning.flatMap(keysOfWorkspace), outside: [] };
  }
  const ws = granted.find((w) => w.name === scope.workspace);
  if (!ws) return { keys: [], outside: [] };
  // The clusters its selector names (by cluster part), as the workspace page lists them.
  const spanned = new Set(workspaceClusterNames(state, ws));
  return { keys: keysOfWorkspace(ws), outside: (scope.targets?.names ?? []).filter((c) => !spanned.has(c)) };
}

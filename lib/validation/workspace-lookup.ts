// Finding the workspace a request names, and the namespaces it covers (the planner's own scope logic, so a
// validator and the planner can never disagree about what "in the workspace" means).
import type { ClusterInput, WorkspaceInput } from "@/lib/plan/input";
import { uniqueSorted } from "@/lib/plan/json";
import { covers, workspaceScope, type WorkspaceScope } from "@/lib/plan/workspace-scope";
import { quoted, someOf, truncated } from "./bounded-text";
import type { FieldError } from "./field-error";

export type WorkspaceContext = { workspace: WorkspaceInput; clusters: readonly ClusterInput[]; scope: WorkspaceScope };

export function workspaceContext(
  field: string,
  name: string,
  input: { clusters: readonly ClusterInput[]; workspaces: readonly WorkspaceInput[] },
): { ok: true; context: WorkspaceContext } | { ok: false; error: FieldError } {
  const workspace = input.workspaces.find((w) => w.name === name);
  if (!workspace) {
    const known = someOf(input.workspaces.map((w) => w.name)) || "none";
    return { ok: false, error: { field, message: `workspace ${quoted(name)} does not exist on the management cluster (known: ${known}).` } };
  }
  const { scope } = workspaceScope(workspace, input.clusters);
  return { ok: true, context: { workspace, clusters: input.clusters, scope } };
}

/** Every namespace the workspace covers in at least one cluster, sorted. */
export function workspaceNamespaces(scope: WorkspaceScope): string[] {
  return uniqueSorted([...scope.values()].flat());
}

export function namespaceInWorkspaceError(field: string, namespace: string, ctx: WorkspaceContext): FieldError | undefined {
  if (ctx.clusters.some((c) => covers(ctx.scope, c.name, namespace))) return undefined;
  const covered = someOf(workspaceNamespaces(ctx.scope)) || "none yet";
  const selector = someOf(ctx.workspace.namespaceSelector) || "empty";
  return {
    field,
    message: `namespace ${truncated(namespace)} is not in workspace ${ctx.workspace.name} (its namespaceSelector ${selector} covers: ${covered}); pick one of those or add */${truncated(namespace)} to the workspace.`,
  };
}

// The fleet as the registry's planner sees it, read from the one fleet model (server/model/types.ts): its
// snapshot and its adapted input (the registry's adapter, with the resolver's DNS answers for gateway hostnames
// and the process's gateway-address setting), so the console and the registry never disagree about what a
// workspace covers or exposes. Nothing here adapts or plans a snapshot of its own; these are the lookups every
// workspace function starts with.
import type { WorkspaceInput } from "@/lib/plan/input";
import { parseNamespacePattern } from "@/lib/plan/workspace-scope";
import { quoted, someOf } from "@/lib/validation/bounded-text";
import { notFound } from "@/server/errors";
import type { FleetModel, ModelState } from "@/server/model/types";

/** What the lookups read of the model's state. */
export type FleetView = Pick<ModelState, "snapshot" | "adapted">;

/**
 * The model's latest state; before its first plan (a console just started), the first one. The state is read
 * once per request, so every step of it sees the same snapshot and input.
 */
export async function stateOf(deps: { model: FleetModel }): Promise<ModelState> {
  return deps.model.current() ?? (await deps.model.settled());
}

/** The model's fork as a plain function (bound: the model's methods may read `this`). */
export const boundPreview = (model: FleetModel): FleetModel["preview"] => (change, query) => model.preview(change, query);

export function requireWorkspace(view: FleetView, name: string): WorkspaceInput {
  const { input } = view.adapted;
  const ws = input.workspaces.find((w) => w.name === name);
  if (ws) return ws;
  const known = someOf(input.workspaces.map((w) => w.name)) || "none";
  throw notFound("workspace", `workspace ${quoted(name)} does not exist on the management cluster (known: ${known}).`);
}

/** Clusters the namespaceSelector names (by its cluster part), whether or not the namespace exists there yet. */
export function workspaceClusterNames(view: FleetView, ws: WorkspaceInput): string[] {
  const patterns = ws.namespaceSelector.flatMap((entry) => parseNamespacePattern(entry) ?? []);
  return view.snapshot.clusters.filter((c) => patterns.some((p) => p.cluster(c.name))).map((c) => c.name);
}

/** The planner's clusters plus since when each stale one is stale, for validation messages. */
export function clustersForValidation(view: FleetView) {
  const since = new Map(view.snapshot.clusters.map((c) => [c.name, c.staleSince]));
  return view.adapted.input.clusters.map((c) => {
    const stale = since.get(c.name);
    return stale && c.stale ? { ...c, staleSince: stale } : c;
  });
}

// Seed prerequisite 2: the Workspace must include the namespace in every cluster (e.g. `*/bookinfo`); a
// cluster it does not cover gets no ServiceEntries, no shadow WorkloadEntries and serves as no failover target.
import { listing, unknownClusters, unknownNote, type ReadinessContext } from "./context";
import { pass, type ChecklistItem } from "./types";

const id = "namespace-selector";
const title = "Workspace spans every cluster";

function fixFor(ctx: ReadinessContext): string {
  const suggested = ctx.namespaces.map((ns) => `*/${ns}`).join(", ");
  const where = ctx.managementCluster ? ` on ${ctx.managementCluster}` : "";
  return `Add ${suggested || "*/<namespace>"} to spec.namespaceSelector.names of Workspace ${ctx.workspace.name}${where}.`;
}

export function checkSelector(ctx: ReadinessContext): ChecklistItem {
  const uncovered = ctx.namespaces.flatMap((ns) =>
    ctx.clusters.filter((c) => c.namespaces.includes(ns) && !(ctx.scope.get(c.name) ?? []).includes(ns)).map((c) => `${ns} in ${c.name}`),
  );
  const spans = ctx.spanned.map((c) => c.name);
  if (uncovered.length > 0) {
    const reason = `the namespaceSelector (${ctx.workspace.namespaceSelector.join(", ")}) leaves out ${listing(uncovered)}, so those instances neither fail over nor serve as failover targets.`;
    return { id, title, status: "fail", reason, fix: fixFor(ctx) };
  }
  // A cluster never reached since the console started may well be covered: say so rather than "spans only".
  const note = unknownNote(unknownClusters(ctx), "what it covers");
  if (spans.length < 2) {
    const known = spans.length === 0 ? `workspace ${ctx.workspace.name} covers no cluster` : `workspace ${ctx.workspace.name} spans only ${spans[0] ?? ""}`;
    const reason = note ? `${known} among the clusters seen so far; ${note}.` : `${known}${spans.length === 0 ? "" : "; failover needs at least two clusters"}.`;
    return { id, title, status: "fail", reason, fix: `Create the namespace in another cluster and make sure the Workspace covers it. ${fixFor(ctx)}` };
  }
  if (note) return { id, title, status: "warn", reason: `workspace ${ctx.workspace.name} covers its namespaces in ${listing(spans)}; ${note}.`, fix: "Nothing to do here until those clusters answer (see the connection check)." };
  return pass(id, title, `workspace ${ctx.workspace.name} covers its namespaces in ${listing(spans)}.`);
}

// Seed prerequisite 1: the application namespace must exist in every workload cluster, or that cluster has no
// instance to fail over to or from (and a workspace only covers namespaces that exist). A cluster never reached
// since the console started is left out of every claim: its namespaces are unknown, not missing.
import { shellQuote } from "@/lib/manifests/kubectl-command";
import { listing, unknownClusters, unknownNote, type ReadinessContext } from "./context";
import { pass, type ChecklistItem } from "./types";

const id = "namespace-exists";
const title = "Namespace exists in every cluster";

export function checkNamespaces(ctx: ReadinessContext): ChecklistItem {
  const unknown = unknownClusters(ctx);
  const note = unknownNote(unknown, "its namespaces");
  const known = ctx.clusters.filter((c) => !unknown.includes(c.name));
  if (ctx.namespaces.length === 0) {
    const selector = ctx.workspace.namespaceSelector.join(", ") || "empty";
    const where = unknown.length > 0 ? ` in ${listing(known.map((c) => c.name)) || "any cluster seen so far"}; ${note}` : "";
    return {
      id, title, status: "fail",
      reason: `workspace ${ctx.workspace.name} covers no existing namespace (namespaceSelector: ${selector})${where}.`,
      fix: unknown.length > 0 ? `Wait for ${listing(unknown)} to answer; if it still covers none, create the application namespace or correct the namespaceSelector.` : "Create the application namespace in every cluster, or correct the Workspace's namespaceSelector.",
    };
  }
  const missing = ctx.namespaces.flatMap((ns) => known.filter((c) => !c.namespaces.includes(ns)).map((c) => ({ ns, cluster: c.name })));
  if (missing.length === 0) {
    const found = `${listing(ctx.namespaces)} exist${ctx.namespaces.length === 1 ? "s" : ""} in ${listing(known.map((c) => c.name))}`;
    if (unknown.length === 0) return pass(id, title, `${found}.`);
    return { id, title, status: "warn", reason: `${found}; ${note}.`, fix: `Nothing to do here until ${listing(unknown)} answer${unknown.length === 1 ? "s" : ""} (see the connection check).` };
  }
  const reason = missing.map((m) => `${m.ns} is missing in ${m.cluster}`).join("; ");
  return {
    id, title, status: "fail",
    reason: `${reason}, so those clusters cannot run or receive the workspace's services${note ? `; ${note}` : ""}.`,
    fix: "Create the namespace in those clusters.",
    command: missing.map((m) => `kubectl --context ${shellQuote(m.cluster)} create namespace ${m.ns}`).join("\n"),
  };
}

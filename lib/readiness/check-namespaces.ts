// Seed prerequisite 1: the application namespace must exist in every workload cluster, or that cluster has no
// instance to fail over to or from (and a workspace only covers namespaces that exist).
import { shellQuote } from "@/lib/manifests/kubectl-command";
import { listing, type ReadinessContext } from "./context";
import { pass, type ChecklistItem } from "./types";

const id = "namespace-exists";
const title = "Namespace exists in every cluster";

export function checkNamespaces(ctx: ReadinessContext): ChecklistItem {
  if (ctx.namespaces.length === 0) {
    const selector = ctx.workspace.namespaceSelector.join(", ") || "empty";
    return {
      id, title, status: "fail",
      reason: `workspace ${ctx.workspace.name} covers no existing namespace (namespaceSelector: ${selector}).`,
      fix: "Create the application namespace in every cluster, or correct the Workspace's namespaceSelector.",
    };
  }
  const missing = ctx.namespaces.flatMap((ns) => ctx.clusters.filter((c) => !c.namespaces.includes(ns)).map((c) => ({ ns, cluster: c.name })));
  if (missing.length === 0) return pass(id, title, `${listing(ctx.namespaces)} exist${ctx.namespaces.length === 1 ? "s" : ""} in ${listing(ctx.clusters.map((c) => c.name))}.`);
  const reason = missing.map((m) => `${m.ns} is missing in ${m.cluster}`).join("; ");
  return {
    id, title, status: "fail",
    reason: `${reason}, so those clusters cannot run or receive the workspace's services.`,
    fix: "Create the namespace in those clusters.",
    command: missing.map((m) => `kubectl --context ${shellQuote(m.cluster)} create namespace ${m.ns}`).join("\n"),
  };
}

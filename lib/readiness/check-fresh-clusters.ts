// A stale cluster (unreachable, credentials rejected, not synced) is judged on its last known state: every
// other check may be wrong about it, and the console defers writes there. So readiness cannot be claimed.
import { shellQuote } from "@/lib/manifests/kubectl-command";
import { listing, type ReadinessContext } from "./context";
import { pass, type ChecklistItem } from "./types";

const id = "clusters-fresh";
const title = "Every cluster is connected and synced";

export function checkFreshClusters(ctx: ReadinessContext): ChecklistItem {
  const stale = ctx.clusters.filter((c) => c.stale);
  if (stale.length === 0) return pass(id, title, `${listing(ctx.clusters.map((c) => c.name))} are connected and synced.`);
  const reason = stale.map((c) => {
    const f = ctx.freshness.get(c.name);
    const since = f?.staleSince ? ` since ${f.staleSince}` : "";
    return `${c.name} is stale${since}${f?.reason ? ` (${f.reason})` : ""}`;
  });
  return {
    id, title, status: "fail",
    reason: `${reason.join("; ")}; the other checks use its last known state.`,
    fix: `Check that the API server of ${listing(stale.map((c) => c.name))} is reachable and the kubeconfig credentials are valid.`,
    command: stale.map((c) => `kubectl --context ${shellQuote(c.name)} get --raw /version`).join("\n"),
  };
}

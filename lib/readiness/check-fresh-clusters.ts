// A stale cluster (unreachable, credentials rejected, not synced) is judged on its last known state: every
// other check may be wrong about it, and the console defers writes there. So readiness cannot be claimed. A
// cluster never reached since the console started has no last known state at all: the sentence says so instead
// of "stale since" the console's own start.
import { neverReachedPhrase } from "@/lib/fleet/ever-synced";
import { shellQuote } from "@/lib/manifests/kubectl-command";
import { listing, type Freshness, type ReadinessContext } from "./context";
import { pass, type ChecklistItem } from "./types";

const id = "clusters-fresh";
const title = "Every cluster is connected and synced";

function describeStale(name: string, f: Freshness | undefined): string {
  const why = f?.reason ? ` (${f.reason})` : "";
  if (f?.neverSynced) return `${name} is not yet synced: ${neverReachedPhrase(f.watchingSince)}${why}, so nothing is known of it`;
  return `${name} is stale${f?.staleSince ? ` since ${f.staleSince}` : ""}${why}`;
}

export function checkFreshClusters(ctx: ReadinessContext): ChecklistItem {
  const stale = ctx.clusters.filter((c) => c.stale);
  if (stale.length === 0) return pass(id, title, `${listing(ctx.clusters.map((c) => c.name))} are connected and synced.`);
  const reason = stale.map((c) => describeStale(c.name, ctx.freshness.get(c.name)));
  const known = stale.some((c) => ctx.freshness.get(c.name)?.neverSynced !== true);
  return {
    id, title, status: "fail",
    reason: `${reason.join("; ")}${known ? "; the other checks use its last known state" : "; the other checks leave it out"}.`,
    fix: `Check that the API server of ${listing(stale.map((c) => c.name))} is reachable and the kubeconfig credentials are valid.`,
    command: stale.map((c) => `kubectl --context ${shellQuote(c.name)} get --raw /version`).join("\n"),
  };
}

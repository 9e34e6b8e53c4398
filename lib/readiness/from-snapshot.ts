// The checklist straight from a fleet snapshot: the registry's adapter (lib/registry) turns the snapshot into
// the planner's input; the snapshot itself adds what the input cannot say — why and since when a cluster is
// stale, and which cluster is the management cluster.
import { everSynced } from "@/lib/fleet/ever-synced";
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { toPlanInput } from "@/lib/registry/plan-input-adapter";
import type { Freshness } from "./context";
import { gatewayPodsOf } from "./gateway-pods";
import { haChecklist } from "./ha-checklist";

export function freshnessOf(snapshot: FleetSnapshot): Map<string, Freshness> {
  return new Map(
    snapshot.clusters.map((c) => {
      const reason = c.state === "syncing" ? "still syncing" : c.lastError?.message;
      const never = everSynced(c) ? {} : { neverSynced: true, ...(c.watchingSince ? { watchingSince: c.watchingSince } : {}) };
      return [c.name, { ...(c.staleSince ? { staleSince: c.staleSince } : {}), ...(reason && c.state !== "synced" ? { reason } : {}), ...never }] as const;
    }),
  );
}

/** `clusters` restricts the check to workload clusters (e.g. leave out a management-only cluster). */
/** `allowLoopbackGatewayAddresses`: the console's setting (PlanInput's field of the same name). */
export function haChecklistFromSnapshot(
  snapshot: FleetSnapshot,
  workspace: string,
  options: { resolvedHostnames?: Record<string, string[]>; clusters?: readonly string[]; allowLoopbackGatewayAddresses?: boolean } = {},
) {
  const management = snapshot.managementCluster ?? undefined;
  const adapted = toPlanInput(snapshot, {
    ...(management ? { managementCluster: management } : {}),
    ...(options.resolvedHostnames ? { resolvedHostnames: options.resolvedHostnames } : {}),
    ...(options.allowLoopbackGatewayAddresses ? { allowLoopbackGatewayAddresses: true } : {}),
  });
  return haChecklist(adapted.input, workspace, {
    freshness: freshnessOf(snapshot),
    gatewayPods: gatewayPodsOf(snapshot, adapted.input),
    ...(management ? { managementCluster: management } : {}),
    ...(options.clusters ? { clusters: options.clusters } : {}),
  });
}

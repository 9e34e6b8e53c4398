// The checklist from the fleet model's view: the planner input the registry plans from (the fleet model's
// adapted input: nobody adapts the snapshot again), and the snapshot it was adapted from for what the input
// cannot say — why and since when a cluster is stale, which cluster is the management cluster, and how many of
// each gateway's pods are ready.
import { everSynced } from "@/lib/fleet/ever-synced";
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { PlanInput } from "@/lib/plan/input";
import type { Freshness } from "./context";
import { gatewayPodsOf, type GatewayPods } from "./gateway-pods";
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

export type FromSnapshotOptions = {
  /** Restricts the check to workload clusters (e.g. leave out a management-only cluster). */
  clusters?: readonly string[];
  /** freshnessOf(snapshot) and gatewayPodsOf(snapshot, input), when the caller keeps them across requests. */
  freshness?: ReadonlyMap<string, Freshness>;
  gatewayPods?: ReadonlyMap<string, GatewayPods>;
};

/** `input`: the planner input adapted from `snapshot` (with the registry's DNS answers and gateway-address setting). */
export function haChecklistFromSnapshot(snapshot: FleetSnapshot, input: PlanInput, workspace: string, options: FromSnapshotOptions = {}) {
  const management = snapshot.managementCluster ?? undefined;
  return haChecklist(input, workspace, {
    freshness: options.freshness ?? freshnessOf(snapshot),
    gatewayPods: options.gatewayPods ?? gatewayPodsOf(snapshot, input),
    ...(management ? { managementCluster: management } : {}),
    ...(options.clusters ? { clusters: options.clusters } : {}),
  });
}

// Propagation of each exposed service: for every cluster that should receive it (a ServiceEntry where it does
// not run, shadow WorkloadEntries/DestinationRules where it does), whether the objects are there and since when.
// "Since" is the oldest creationTimestamp among its present objects: when the cluster first got the service.
import { objectId, SERVICES_ANNOTATION } from "@/lib/plan/desired";
import type { PlanResult } from "@/lib/plan/plan";
import { compareStrings } from "@/lib/plan/json";
import { observedId, type ObservedCluster, type ObservedObject } from "./types";

export type PropagationState = "complete" | "partial" | "pending" | "stale";

export type ClusterPropagation = { cluster: string; state: PropagationState; present: number; expected: number; since?: string };

export type ServicePropagation = { fqdn: string; clusters: ClusterPropagation[] };

type Tally = { expected: number; present: ObservedObject[] };

function tallies(plan: PlanResult, observed: ReadonlyMap<string, ObservedCluster>): Map<string, Map<string, Tally>> {
  const byService = new Map<string, Map<string, Tally>>();
  for (const [cluster, desired] of Object.entries(plan.clusters)) {
    const live = new Map((observed.get(cluster)?.objects ?? []).map((o) => [observedId(o), o]));
    // A passthrough Gateway sits in the *source* cluster; it says nothing about who received the service.
    for (const object of desired.filter((d) => d.kind !== "Gateway")) {
      const found = live.get(objectId(object));
      for (const fqdn of (object.metadata.annotations[SERVICES_ANNOTATION] ?? "").split(",").filter((s) => s !== "")) {
        const perCluster = byService.get(fqdn) ?? new Map<string, Tally>();
        const tally = perCluster.get(cluster) ?? { expected: 0, present: [] };
        tally.expected++;
        if (found) tally.present.push(found);
        perCluster.set(cluster, tally);
        byService.set(fqdn, perCluster);
      }
    }
  }
  return byService;
}

function stateOf(tally: Tally, stale: boolean): PropagationState {
  if (stale) return "stale";
  if (tally.present.length === tally.expected) return "complete";
  return tally.present.length === 0 ? "pending" : "partial";
}

export function propagation(plan: PlanResult, observed: readonly ObservedCluster[]): ServicePropagation[] {
  const byName = new Map(observed.map((c) => [c.name, c]));
  const held = new Set(plan.heldBack.map((h) => h.cluster));
  return [...tallies(plan, byName).entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([fqdn, perCluster]) => ({
      fqdn,
      clusters: [...perCluster.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([cluster, tally]) => {
        const stale = held.has(cluster) || (byName.get(cluster)?.stale ?? true);
        const since = tally.present.map((o) => o.creationTimestamp ?? "").filter((t) => t !== "").sort()[0];
        return { cluster, state: stateOf(tally, stale), present: tally.present.length, expected: tally.expected, ...(since ? { since } : {}) };
      }),
    }));
}

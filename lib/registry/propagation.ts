// Propagation of each exposed service: for every cluster that should receive it (a ServiceEntry where it does
// not run, shadow WorkloadEntries/DestinationRules where it does), whether the objects are there and since when.
// "Since" is the oldest creationTimestamp among its present objects: when the cluster first got the service.
// In standalone mode only objects proved ours count as present: a foreign one under our name is a conflict.
import { objectId, SERVICES_ANNOTATION } from "@/lib/plan/desired";
import type { PlanResult } from "@/lib/plan/plan";
import { compareStrings } from "@/lib/plan/json";
import { observedId, type ObservedCluster, type ObservedObject } from "./types";

/** `conflict`: an object not proved ours holds a planned name there, so the service cannot be (fully) delivered. */
export type PropagationState = "complete" | "partial" | "pending" | "stale" | "conflict";

/** `foreign`: planned names held by objects not proved ours (standalone mode). */
export type ClusterPropagation = { cluster: string; state: PropagationState; present: number; expected: number; foreign?: number; since?: string };

export type ServicePropagation = { fqdn: string; clusters: ClusterPropagation[] };

type Tally = { expected: number; present: ObservedObject[]; foreign: number };

/** Whether a live object under a planned name counts as the planned one (standalone: proved ours). */
export type Counts = (cluster: string, o: ObservedObject) => boolean;

function tallies(plan: PlanResult, observed: ReadonlyMap<string, ObservedCluster>, counts: Counts): Map<string, Map<string, Tally>> {
  const byService = new Map<string, Map<string, Tally>>();
  for (const [cluster, desired] of Object.entries(plan.clusters)) {
    const live = new Map((observed.get(cluster)?.objects ?? []).map((o) => [observedId(o), o]));
    // A passthrough Gateway sits in the *source* cluster; it says nothing about who received the service.
    for (const object of desired.filter((d) => d.kind !== "Gateway")) {
      const found = live.get(objectId(object));
      for (const fqdn of (object.metadata.annotations[SERVICES_ANNOTATION] ?? "").split(",").filter((s) => s !== "")) {
        const perCluster = byService.get(fqdn) ?? new Map<string, Tally>();
        const tally = perCluster.get(cluster) ?? { expected: 0, present: [], foreign: 0 };
        tally.expected++;
        if (found && counts(cluster, found)) tally.present.push(found);
        else if (found) tally.foreign++;
        perCluster.set(cluster, tally);
        byService.set(fqdn, perCluster);
      }
    }
  }
  return byService;
}

function stateOf(tally: Tally, stale: boolean): PropagationState {
  if (stale) return "stale";
  if (tally.foreign > 0) return "conflict";
  if (tally.present.length === tally.expected) return "complete";
  return tally.present.length === 0 ? "pending" : "partial";
}

export function propagation(plan: PlanResult, observed: readonly ObservedCluster[], counts: Counts = () => true): ServicePropagation[] {
  const byName = new Map(observed.map((c) => [c.name, c]));
  const held = new Set(plan.heldBack.map((h) => h.cluster));
  return [...tallies(plan, byName, counts).entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([fqdn, perCluster]) => ({
      fqdn,
      clusters: [...perCluster.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([cluster, tally]) => {
        const stale = held.has(cluster) || (byName.get(cluster)?.stale ?? true);
        const since = tally.present.map((o) => o.creationTimestamp ?? "").filter((t) => t !== "").sort()[0];
        const foreign = tally.foreign > 0 ? { foreign: tally.foreign } : {};
        return { cluster, state: stateOf(tally, stale), present: tally.present.length, expected: tally.expected, ...foreign, ...(since ? { since } : {}) };
      }),
    }));
}

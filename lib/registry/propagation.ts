// Propagation of each exposed service: for every cluster that should receive it (a ServiceEntry where it does
// not run, shadow WorkloadEntries/DestinationRules where it does), whether the objects are there and since when.
// "Since" is the oldest creationTimestamp among its present objects: when the cluster first got the service.
// In standalone mode only objects proved ours count as present: a foreign one under our name is a conflict.
import { objectId, SERVICES_ANNOTATION, type DesiredObject } from "@/lib/plan/desired";
import type { PlanResult } from "@/lib/plan/plan";
import { compareStrings } from "@/lib/plan/json";
import { observedId, type ObservedCluster, type ObservedObject } from "./types";

/** `conflict`: an object not proved ours holds a planned name there, so the service cannot be (fully) delivered. */
export type PropagationState = "complete" | "partial" | "pending" | "stale" | "conflict";

/** `foreign`: planned names held by objects not proved ours (standalone mode). */
export type ClusterPropagation = { cluster: string; state: PropagationState; present: number; expected: number; foreign?: number; since?: string };

export type ServicePropagation = { fqdn: string; clusters: ClusterPropagation[] };

export type Tally = { expected: number; present: ObservedObject[]; foreign: number };

/** Whether a live object under a planned name counts as the planned one (standalone: proved ours). */
export type Counts = (cluster: string, o: ObservedObject) => boolean;

/** One cluster's part: per service it should receive there, how many of its planned objects are present. */
export function clusterTallies(cluster: string, desired: readonly DesiredObject[], seen: ObservedCluster | undefined, counts: Counts): Map<string, Tally> {
  const byService = new Map<string, Tally>();
  const live = new Map((seen?.objects ?? []).map((o) => [observedId(o), o]));
  // A passthrough Gateway sits in the *source* cluster; it says nothing about who received the service.
  for (const object of desired) {
    if (object.kind === "Gateway") continue;
    const found = live.get(objectId(object));
    for (const fqdn of (object.metadata.annotations[SERVICES_ANNOTATION] ?? "").split(",").filter((s) => s !== "")) {
      let tally = byService.get(fqdn);
      if (!tally) byService.set(fqdn, (tally = { expected: 0, present: [], foreign: 0 }));
      tally.expected++;
      if (found && counts(cluster, found)) tally.present.push(found);
      else if (found) tally.foreign++;
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

function clusterPropagation(cluster: string, tally: Tally, stale: boolean): ClusterPropagation {
  const since = tally.present.map((o) => o.creationTimestamp ?? "").filter((t) => t !== "").sort()[0];
  const foreign = tally.foreign > 0 ? { foreign: tally.foreign } : {};
  return { cluster, state: stateOf(tally, stale), present: tally.present.length, expected: tally.expected, ...foreign, ...(since ? { since } : {}) };
}

/** Every service's propagation from each cluster's tallies (`stale`: whether a cluster is held back or stale). */
export function propagationOf(perCluster: ReadonlyMap<string, ReadonlyMap<string, Tally>>, stale: (cluster: string) => boolean): ServicePropagation[] {
  const byService = new Map<string, Array<[string, Tally]>>();
  for (const [cluster, tallies] of perCluster) {
    for (const [fqdn, tally] of tallies) {
      const list = byService.get(fqdn);
      if (list) list.push([cluster, tally]);
      else byService.set(fqdn, [[cluster, tally]]);
    }
  }
  return [...byService.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([fqdn, list]) => ({ fqdn, clusters: list.sort(([a], [b]) => compareStrings(a, b)).map(([cluster, tally]) => clusterPropagation(cluster, tally, stale(cluster))) }));
}

export function propagation(plan: PlanResult, observed: readonly ObservedCluster[], counts: Counts = () => true): ServicePropagation[] {
  const byName = new Map(observed.map((c) => [c.name, c]));
  const held = new Set(plan.heldBack.map((h) => h.cluster));
  const perCluster = new Map(Object.entries(plan.clusters).map(([cluster, desired]) => [cluster, clusterTallies(cluster, desired, byName.get(cluster), counts)] as const));
  return propagationOf(perCluster, (cluster) => held.has(cluster) || (byName.get(cluster)?.stale ?? true));
}

// What a change does to the registry's output, computed by the same pure planner the registry runs: plan the
// fleet as it is, plan it with the change substituted into the input, and compare cluster by cluster.
import { SERVICES_ANNOTATION, SOURCE_CLUSTERS_ANNOTATION, objectId, type DesiredObject } from "@/lib/plan/desired";
import { stableStringify } from "@/lib/plan/json";
import type { PlanResult } from "@/lib/plan/plan";
import type { ClusterConsequence } from "@/lib/workspace-view/types";
import { NOTHING_HELD, type HeldByForeign } from "./foreign-holders";

type Kind = "ServiceEntry" | "WorkloadEntry";

function names(objects: readonly DesiredObject[] | undefined, kind: Kind): Map<string, DesiredObject> {
  return new Map((objects ?? []).filter((o) => o.kind === kind).map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, o]));
}

/** Added/removed/kept names; a name planned after the change but held by a foreign object is `blocked` instead. */
function compareKind(before: readonly DesiredObject[] | undefined, after: readonly DesiredObject[] | undefined, kind: Kind, held: (o: DesiredObject) => boolean) {
  const b = names(before, kind);
  const a = names(after, kind);
  const blocked = [...a.entries()].filter(([, o]) => held(o)).map(([k]) => k).sort();
  const free = [...a.keys()].filter((k) => !blocked.includes(k));
  const added = free.filter((k) => !b.has(k)).sort();
  const removed = [...b.keys()].filter((k) => !a.has(k)).sort();
  return { added, removed, unchanged: free.filter((k) => b.has(k)).length, blocked };
}

/**
 * Per cluster, ServiceEntries and WorkloadEntries (`namespace/name`) added and removed by the change, and those
 * it plans under a name an object not made by the console already holds (never "added": nothing will be written).
 */
export function clusterConsequences(before: PlanResult, after: PlanResult, held: HeldByForeign = NOTHING_HELD): ClusterConsequence[] {
  const clusters = [...new Set([...Object.keys(before.clusters), ...Object.keys(after.clusters)])].sort();
  return clusters.map((cluster) => {
    const heldHere = (o: DesiredObject) => held(cluster, o);
    return {
      cluster,
      serviceEntries: compareKind(before.clusters[cluster], after.clusters[cluster], "ServiceEntry", heldHere),
      workloadEntries: compareKind(before.clusters[cluster], after.clusters[cluster], "WorkloadEntry", heldHere),
    };
  });
}

const services = (o: DesiredObject) => (o.metadata.annotations[SERVICES_ANNOTATION] ?? "").split(",").filter((s) => s !== "");
const sources = (o: DesiredObject) => (o.metadata.annotations[SOURCE_CLUSTERS_ANNOTATION] ?? "").split(",").filter((s) => s !== "");

/** Whether `cluster`'s plan holds a shadow WorkloadEntry for `fqdn` (a remote instance its clients fail over to). */
const hasRemoteInstance = (objects: readonly DesiredObject[], fqdn: string) => objects.some((o) => o.kind === "WorkloadEntry" && services(o).includes(fqdn));

/** A cluster's ready/total local endpoints of a service (lib/readiness/ready-endpoints.ts); undefined: unknown. */
export type LocalEndpointsOf = (cluster: string, fqdn: string) => { ready: number; total: number } | undefined;

/** The sentence for a cluster losing `lostSource`'s instance of `fqdn`: unreachable there when it was the only working one. */
function lostInstance(fqdn: string, cluster: string, lostSource: string, remaining: readonly DesiredObject[], local: LocalEndpointsOf): string {
  const here = local(cluster, fqdn);
  if (here !== undefined && here.ready === 0 && !hasRemoteInstance(remaining, fqdn)) {
    const endpoints = here.total === 0 ? "it has no local endpoints" : here.total === 1 ? "its one local endpoint is not ready" : `none of its ${here.total} local endpoints is ready`;
    return `${fqdn} becomes unreachable in ${cluster}: ${endpoints}, and ${lostSource}'s is its only working instance.`;
  }
  return `${fqdn} in ${cluster} loses its ${lostSource} instance (no failover to ${lostSource}).`;
}

/**
 * Plain sentences for a confirmation dialog: who loses which remote instance or reachability. `local` tells a
 * cluster's live, ready local endpoints of a service, so losing the last working instance is said as such.
 */
export function lossSentences(before: PlanResult, after: PlanResult, lostSource: string, local: LocalEndpointsOf = () => undefined): string[] {
  const sentences = new Set<string>();
  for (const [cluster, objects] of Object.entries(before.clusters)) {
    const left = after.clusters[cluster] ?? [];
    const remaining = new Map(left.map((o) => [objectId(o), o]));
    for (const o of objects) {
      const now = remaining.get(objectId(o));
      if (o.kind === "WorkloadEntry" && !now && sources(o).includes(lostSource)) {
        for (const fqdn of services(o)) sentences.add(lostInstance(fqdn, cluster, lostSource, left, local));
      } else if (o.kind === "ServiceEntry" && !now) {
        for (const fqdn of services(o)) sentences.add(`${cluster} can no longer reach ${fqdn} (its ServiceEntry ${o.metadata.namespace}/${o.metadata.name} is removed).`);
      } else if (o.kind === "ServiceEntry" && now && stableStringify(now.spec) !== stableStringify(o.spec) && sources(o).includes(lostSource)) {
        for (const fqdn of services(o)) sentences.add(`${cluster} reaches ${fqdn} without ${lostSource}'s gateway (fewer remote instances).`);
      }
    }
  }
  // A service becoming unreachable somewhere is the gravest consequence: said first.
  const grave = (t: string) => (t.includes(" becomes unreachable in ") ? 0 : 1);
  return [...sentences].sort((a, b) => grave(a) - grave(b) || (a < b ? -1 : a > b ? 1 : 0));
}

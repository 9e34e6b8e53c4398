// What a change does to the registry's output, computed by the same planner the registry runs: the model forks
// the warm plan with the change (server/model/types.ts FleetModel.fork) and answers with the delta; the
// consequences are read from the current plan and that delta, cluster by cluster (plan-changes.ts).
import { objectId, type DesiredObject } from "@/lib/plan/desired";
import { stableStringify } from "@/lib/plan/json";
import type { PlanDelta, PlanResult } from "@/lib/plan/plan-delta";
import type { Steps } from "@/lib/steps";
import type { ClusterConsequence, KindConsequence } from "@/lib/workspace-view/types";
import { NOTHING_HELD, type HeldByForeign } from "./foreign-holders";
import { planChanges, type ClusterChange } from "./plan-changes";
import { clusterIndex, clusterIndexSteps, nameOf, servicesOf, sourcesOf, type MeshKind } from "./plan-index";
import { runSliced } from "./time-slice";

const namesOf = (objects: readonly DesiredObject[], kind: MeshKind) => objects.filter((o) => o.kind === kind).map(nameOf).sort();

/**
 * Added/removed/kept names of one kind; a name planned after the change but held by a foreign object is
 * `blocked` instead. `change` undefined: the cluster's array is unchanged, only its held names are read.
 */
function compareKind(before: readonly DesiredObject[] | undefined, change: ClusterChange | undefined, kind: MeshKind, held: readonly DesiredObject[]): KindConsequence {
  const index = clusterIndex(before);
  const heldHere = held.filter((o) => o.kind === kind);
  const blocked = heldHere.map(nameOf).sort();
  // Held names the cluster already had are not "kept": the registry writes nothing there.
  const heldBefore = heldHere.filter((o) => index.byId.has(objectId(o))).length;
  if (!change) return { added: [], removed: [], unchanged: index.count[kind] - heldBefore, blocked };
  const heldIds = new Set(heldHere.map(objectId));
  const added = namesOf(change.upserts.filter((o) => !index.byId.has(objectId(o)) && !heldIds.has(objectId(o))), kind);
  const removed = namesOf(change.removed, kind);
  return { added, removed, unchanged: index.count[kind] - removed.length - heldBefore, blocked };
}

/**
 * Per cluster, ServiceEntries and WorkloadEntries (`namespace/name`) added and removed by the change, and those
 * it plans under a name an object not made by the console already holds (never "added": nothing will be written).
 */
export function clusterConsequences(before: PlanResult, delta: PlanDelta, held: HeldByForeign = NOTHING_HELD): Promise<ClusterConsequence[]> {
  return runSliced(clusterConsequencesSteps(before, delta, held));
}

/** clusterConsequences in steps (lib/steps.ts): the planner worker drains it, the event loop runs it sliced. */
export function* clusterConsequencesSteps(before: PlanResult, delta: PlanDelta, held: HeldByForeign = NOTHING_HELD): Steps<ClusterConsequence[]> {
  const changes = planChanges(before, delta);
  const out: ClusterConsequence[] = [];
  for (const cluster of changes.clusters) {
    // The cluster's index and the foreign holders there, first built in steps (tens of thousands of objects each).
    yield* warmSteps(before, delta, cluster, held);
    yield;
    const change = changes.change(cluster);
    const heldHere = held.all(cluster);
    out.push({
      cluster,
      serviceEntries: compareKind(before.clusters[cluster], change, "ServiceEntry", heldHere),
      workloadEntries: compareKind(before.clusters[cluster], change, "WorkloadEntry", heldHere),
    });
  }
  return out;
}

/** What reading one cluster's change builds: the before and after indexes, and the foreign ids there. */
function* warmSteps(before: PlanResult, delta: PlanDelta, cluster: string, held: HeldByForeign): Steps<void> {
  yield* clusterIndexSteps(before.clusters[cluster]);
  const d = delta.clusters[cluster];
  if (d) yield* clusterIndexSteps(d.kind === "replace" ? d.objects : d.upserts);
  yield* held.warm(cluster);
}

/** A cluster's ready/total local endpoints of a service (lib/readiness/ready-endpoints.ts); undefined: unknown. */
export type LocalEndpointsOf = (cluster: string, fqdn: string) => { ready: number; total: number } | undefined;

/** The sentence for a cluster losing `lostSource`'s instance of `fqdn`: unreachable there when it was the only working one. */
function lostInstance(fqdn: string, change: ClusterChange, lostSource: string, local: LocalEndpointsOf): string {
  const { cluster } = change;
  const here = local(cluster, fqdn);
  // A shadow WorkloadEntry left for the service: another remote instance its clients still fail over to.
  if (here !== undefined && here.ready === 0 && change.carrying(fqdn).we.length === 0) {
    const endpoints = here.total === 0 ? "it has no local endpoints" : here.total === 1 ? "its one local endpoint is not ready" : `none of its ${here.total} local endpoints is ready`;
    return `${fqdn} becomes unreachable in ${cluster}: ${endpoints}, and ${lostSource}'s is its only working instance.`;
  }
  return `${fqdn} in ${cluster} loses its ${lostSource} instance (no failover to ${lostSource}).`;
}

function* sentencesOf(change: ClusterChange, lostSource: string, local: LocalEndpointsOf, into: Set<string>): Steps<void> {
  const { cluster } = change;
  let seen = 0;
  for (const o of change.removed) {
    if (++seen % 256 === 0) yield;
    if (o.kind === "WorkloadEntry" && sourcesOf(o).includes(lostSource)) {
      for (const fqdn of servicesOf(o)) into.add(lostInstance(fqdn, change, lostSource, local));
    } else if (o.kind === "ServiceEntry") {
      for (const fqdn of servicesOf(o)) into.add(`${cluster} can no longer reach ${fqdn} (its ServiceEntry ${o.metadata.namespace}/${o.metadata.name} is removed).`);
    }
  }
  for (const now of change.upserts) {
    if (++seen % 256 === 0) yield;
    if (now.kind !== "ServiceEntry") continue;
    const was = change.before.byId.get(objectId(now));
    if (was?.kind !== "ServiceEntry" || !sourcesOf(was).includes(lostSource) || stableStringify(now.spec) === stableStringify(was.spec)) continue;
    for (const fqdn of servicesOf(was)) into.add(`${cluster} reaches ${fqdn} without ${lostSource}'s gateway (fewer remote instances).`);
  }
}

/**
 * Plain sentences for a confirmation dialog: who loses which remote instance or reachability. `local` tells a
 * cluster's live, ready local endpoints of a service, so losing the last working instance is said as such.
 * Only clusters the delta changes can lose anything; a cluster new to the plan has nothing to lose.
 */
export function lossSentences(before: PlanResult, delta: PlanDelta, lostSource: string, local: LocalEndpointsOf = () => undefined): Promise<string[]> {
  return runSliced(lossSentencesSteps(before, delta, lostSource, local));
}

/** lossSentences in steps (lib/steps.ts). */
export function* lossSentencesSteps(before: PlanResult, delta: PlanDelta, lostSource: string, local: LocalEndpointsOf = () => undefined): Steps<string[]> {
  const sentences = new Set<string>();
  const changes = planChanges(before, delta);
  for (const cluster of changes.changed) {
    yield* warmSteps(before, delta, cluster, NOTHING_HELD);
    const change = changes.change(cluster);
    if (change && cluster in before.clusters) yield* sentencesOf(change, lostSource, local, sentences);
  }
  // A service becoming unreachable somewhere is the gravest consequence: said first.
  const grave = (t: string) => (t.includes(" becomes unreachable in ") ? 0 : 1);
  return [...sentences].sort((a, b) => grave(a) - grave(b) || (a < b ? -1 : a > b ? 1 : 0));
}

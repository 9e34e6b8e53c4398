// What the registry should write: plan vs the objects observed per cluster → apply/delete actions, plus
// conditions for what it deliberately does not do. The safety rules (architecture.md, partitions + ownership):
// - a held (stale/unsynced) cluster gets no action at all;
// - an owned object generated from a stale cluster is never deleted, nor updated in a way that drops that
//   source (after a restart the planner may not know the stale cluster's services at all);
// - when the cluster holding the Workspaces is stale, nothing is deleted anywhere;
// - an object that is not provably ours (ownership.ts) is a condition, never an action: under a planned name one
//   condition each, unplanned ones that claim to be ours one condition per cluster with a count;
// - an owned object whose managed fields match the plan is left alone, so a no-op resync writes nothing; one
//   that differs is applied with force (the registry is its authority), naming the drifted fields if any.
import { SOURCE_CLUSTERS_ANNOTATION, type DesiredObject } from "@/lib/plan/desired";
import type { PlanResult } from "@/lib/plan/plan";
import { compareCluster, type Comparison } from "./compare";
import { foreignConditions } from "./foreign-report";
import type { OwnershipScope, OwnershipScopes } from "./ownership-scope";
import type { ObservedCluster, ObservedObject, RegistryAction, RegistryCondition } from "./types";

export type DiffInput = {
  plan: PlanResult;
  observed: readonly ObservedCluster[];
  /** The cluster(s) the Workspaces and WorkspaceSettings come from are stale: hold every delete. */
  configStale?: boolean;
  /** Where the planner puts objects per cluster (ownership-scope.ts); without it, where this plan puts them. */
  scopes?: OwnershipScopes;
};

export type DiffResult = { actions: RegistryAction[]; conditions: RegistryCondition[] };

const sourcesOf = (annotations: Record<string, string>): string[] =>
  (annotations[SOURCE_CLUSTERS_ANNOTATION] ?? "").split(",").filter((s) => s !== "");

/** The stale sources an owned object names that the planned version would drop (all of them when deleting). */
function droppedStaleSources(observed: ObservedObject, desired: DesiredObject | undefined, holds: DecisionHolds): string[] {
  const keep = new Set(desired ? sourcesOf(desired.metadata.annotations) : []);
  return sourcesOf(observed.annotations).filter((s) => holds.stale.has(s) && !keep.has(s));
}

function action(cluster: string, c: Comparison, kind: "apply" | "delete"): RegistryAction {
  const obj = "desired" in c ? c.desired : undefined;
  const live = "observed" in c ? c.observed : undefined;
  const ref = obj ? { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name } : { kind: live?.kind ?? "ServiceEntry", namespace: live?.namespace ?? "", name: live?.name ?? "" };
  const reason = c.status === "same" ? "" : c.reason;
  return {
    cluster,
    ...ref,
    action: kind,
    reason,
    ...(kind === "apply" && obj ? { object: obj } : {}),
    ...(live ? { observed: { uid: live.uid, resourceVersion: live.resourceVersion } } : {}),
    // Only a "different" object is ever applied over a live one, and it is proved ours (compare.ts).
    ...(kind === "apply" && c.status === "different" ? { force: true, ...(c.drift ? { drift: c.drift } : {}) } : {}),
  };
}

type Held = { cluster: string; id: string; sources: string[] };

/**
 * What one comparison adds to its cluster's diff: an action, a write held back (a Held names its `sources`), or
 * nothing. It depends only on the cluster, the comparison and the holds (decisionKey), so a patched diff keeps the
 * decisions of comparisons that did not change (diff-patch.ts).
 */
export type Decision = RegistryAction | Held | null;

/** The holds one cluster's decisions are made under: the fleet's, and the kinds the cluster does not observe. */
export type DecisionHolds = ClusterHolds & { unobserved: ReadonlySet<string> };

export function decisionHolds(seen: ObservedCluster | undefined, holds: ClusterHolds): DecisionHolds {
  return { ...holds, unobserved: new Set<string>(seen?.unobservedKinds ?? []) };
}

/** Equal keys, equal decisions for the same comparison (the cluster aside, which a diff never changes). */
export function decisionKey(holds: DecisionHolds): string {
  return `${[...holds.stale].sort().join(",")}|${holds.configStale}|${[...holds.unobserved].sort().join(",")}`;
}

export function decide(cluster: string, c: Comparison, holds: DecisionHolds): Decision {
  if (c.status === "same") return null;
  if (c.status === "foreign") return null; // foreign-report.ts
  if (c.status === "missing") {
    const unverified = holds.unobserved.has(c.desired.kind);
    return { ...action(cluster, c, "apply"), ...(unverified ? { unverified, reason: `${c.desired.kind} is not observed in ${cluster}; applied once per content` } : {}) };
  }
  const dropped = droppedStaleSources(c.observed, c.status === "different" ? c.desired : undefined, holds);
  if (dropped.length > 0) return { cluster, id: c.id, sources: dropped };
  if (c.status === "different") return action(cluster, c, "apply");
  if (holds.configStale) return { cluster, id: c.id, sources: [] };
  return action(cluster, c, "delete");
}

function heldConditions(held: Held[]): RegistryCondition[] {
  const byCluster = new Map<string, Held[]>();
  for (const h of held) byCluster.set(h.cluster, [...(byCluster.get(h.cluster) ?? []), h]);
  return [...byCluster.entries()].map(([cluster, items]): RegistryCondition => {
    const sources = [...new Set(items.flatMap((h) => h.sources))].sort();
    if (sources.length === 0) {
      const message = `${items.length} deletion(s) in ${cluster} wait: the cluster holding the Workspaces is stale, so the console cannot tell what is still exposed.`;
      return { severity: "warning", reason: "ConfigSourceStale", cluster, message };
    }
    const message = `${items.length} object(s) in ${cluster} generated from ${sources.join(", ")} are kept as they are until ${sources.length > 1 ? "those clusters are" : "it is"} reachable and synced again.`;
    return { severity: "warning", reason: "HeldStaleSource", cluster, message };
  });
}

function heldCluster(cluster: string, changes: number): RegistryCondition {
  const message = `${cluster} is stale: ${changes} pending change(s) there wait until it is reachable and synced again.`;
  return { severity: "warning", reason: "HeldStaleCluster", cluster, message };
}

function unobservedKinds(cluster: string, kinds: string[]): RegistryCondition {
  const message = `the fleet cache does not watch ${kinds.join(", ")} in ${cluster}: those objects are applied once per content but neither verified nor cleaned up.`;
  return { severity: "info", reason: "UnobservedKind", cluster, message };
}

/** The clusters nothing may be written in: held back by the planner, observed stale, or never observed. */
export function staleClusters(input: DiffInput): Set<string> {
  const observed = new Set(input.observed.map((c) => c.name));
  const stale = new Set([...input.plan.heldBack.map((h) => h.cluster), ...input.observed.filter((c) => c.stale).map((c) => c.name)]);
  for (const name of Object.keys(input.plan.clusters)) if (!observed.has(name)) stale.add(name);
  return stale;
}

export type ClusterHolds = { stale: ReadonlySet<string>; configStale: boolean };

/**
 * One cluster's actions and conditions; depends only on its desired and observed objects and the holds.
 * `compared`: their standalone comparison when the caller already has it (compare-patch.ts); `decisions`: those
 * comparisons' decisions (one each, in order), when the caller kept them from an earlier diff (diff-patch.ts).
 */
export function diffCluster(cluster: string, desired: readonly DesiredObject[], seen: ObservedCluster | undefined, holds: ClusterHolds, compared?: readonly Comparison[], scope?: OwnershipScope, decisions?: readonly Decision[]): DiffResult {
  const out: DiffResult = { actions: [], conditions: [] };
  const comparisons = compared ?? compareCluster(desired, seen?.objects ?? [], "standalone", scope);
  if (holds.stale.has(cluster)) {
    const changes = comparisons.filter((c) => c.status !== "same" && c.status !== "foreign").length;
    if (changes > 0) out.conditions.push(heldCluster(cluster, changes));
    return out;
  }
  const all = decisionHolds(seen, holds);
  const blind = all.unobserved.size === 0 ? [] : [...new Set(desired.filter((d) => all.unobserved.has(d.kind)).map((d) => d.kind))];
  if (blind.length > 0) out.conditions.push(unobservedKinds(cluster, blind));
  const held: Held[] = [];
  // With kept decisions the comparisons are the notable ones (diff-patch.ts), nearly all actions while a cluster
  // converges: the list is made at that size and cut, not grown by push (see diff-patch.ts on why).
  const actions = decisions ? new Array<RegistryAction>(comparisons.length) : out.actions;
  let at = 0;
  comparisons.forEach((c, i) => {
    const d = decisions ? decisions[i] : decide(cluster, c, all);
    if (!d) return;
    if ("sources" in d) held.push(d);
    else actions[at++] = d;
  });
  actions.length = at;
  out.actions = actions;
  out.conditions.push(...foreignConditions(cluster, comparisons), ...heldConditions(held));
  return out;
}

export function diff(input: DiffInput): DiffResult {
  const observed = new Map(input.observed.map((c) => [c.name, c]));
  const holds: ClusterHolds = { stale: staleClusters(input), configStale: input.configStale ?? false };
  const results = Object.entries(input.plan.clusters).map(([cluster, desired]) => diffCluster(cluster, desired, observed.get(cluster), holds, undefined, input.scopes?.get(cluster)));
  return { actions: results.flatMap((r) => r.actions), conditions: results.flatMap((r) => r.conditions) };
}

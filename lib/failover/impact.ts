// "What if this failed now": the same failoverStates on the input with one part removed, and what changes. Nothing
// is injected; it is the cheap, safe twin of the drill (issue #12). A removed cluster is *down* — its gateways
// accept nothing and its instances answer nothing — not stale: a stale cluster is one we cannot see, and
// failoverStates never calls that Unavailable, which is the opposite of the question asked here.
import { drain, type Steps } from "@/lib/steps";
import { failoverStates, failoverStatesSteps } from "./failover-state";
import type { ClusterFacts, FailoverInput, FailoverRow, FailoverState } from "./types";

export type Removal =
  | { kind: "cluster"; cluster: string }
  | { kind: "gateway"; cluster: string; namespace: string; name: string }
  | { kind: "instance"; cluster: string; fqdn: string };

export type ImpactChange = { cluster: string; fqdn: string; namespace: string; before: FailoverState; after: FailoverState };

export type Impact = {
  removal: Removal;
  /** Rows whose state, reason or failover targets change, in failoverStates' order. */
  changes: ImpactChange[];
};

function down(cluster: ClusterFacts): ClusterFacts {
  return {
    ...cluster,
    stale: false,
    gateways: cluster.gateways.map((g) => ({ ...g, readyPods: 0 })),
    services: cluster.services.map((s) => ({ ...s, endpoints: { ready: 0, total: s.endpoints?.total ?? 0 } })),
  };
}

function removed(cluster: ClusterFacts, removal: Removal): ClusterFacts {
  if (cluster.name !== removal.cluster) return cluster;
  switch (removal.kind) {
    case "cluster":
      return down(cluster);
    case "gateway":
      return { ...cluster, gateways: cluster.gateways.filter((g) => g.namespace !== removal.namespace || g.name !== removal.name) };
    case "instance":
      return {
        ...cluster,
        services: cluster.services.map((s) => (s.fqdn === removal.fqdn ? { ...s, endpoints: { ready: 0, total: s.endpoints?.total ?? 0 } } : s)),
      };
  }
}

/** The input as it would be without `removal`. */
export function withoutPart(input: FailoverInput, removal: Removal): FailoverInput {
  return { ...input, clusters: input.clusters.map((c) => removed(c, removal)) };
}

/** What a page compares: the state, its reason, and the clusters and gateways traffic goes to (not the counts). */
function signature(s: FailoverState): string {
  switch (s.kind) {
    case "serving-locally":
    case "failed-over":
      return JSON.stringify([s.kind, s.targets.map((t) => [t.cluster, t.gateway])]);
    case "at-risk":
      return JSON.stringify([s.kind, s.reason, s.targets.map((t) => [t.cluster, t.gateway])]);
    case "remote-only":
      return JSON.stringify([s.kind, s.reachable, s.remotes.map((r) => (r.ok ? [r.cluster, r.route.gateway] : [r.cluster, r.problem]))]);
    case "unavailable":
      return s.kind;
    case "unknown":
      return JSON.stringify([s.kind, s.why]);
  }
}

const key = (r: FailoverRow) => `${r.cluster}\u0000${r.fqdn}`;

/**
 * Which services in which clusters change, and how, if `removal` failed now. A removed cluster's own rows are
 * left out: its clients go down with it, so "where would its traffic go" has no answer.
 */
export function failoverImpact(input: FailoverInput, removal: Removal, before: readonly FailoverRow[] = failoverStates(input)): Impact {
  return drain(failoverImpactSteps(input, removal, before));
}

/** failoverImpact in steps (lib/steps.ts): the states after the removal are a whole recompute of the workspace. */
export function* failoverImpactSteps(input: FailoverInput, removal: Removal, before: readonly FailoverRow[]): Steps<Impact> {
  const after = new Map((yield* failoverStatesSteps(withoutPart(input, removal))).map((r) => [key(r), r]));
  const changes: ImpactChange[] = [];
  for (const row of before) {
    if (removal.kind === "cluster" && row.cluster === removal.cluster) continue;
    const next = after.get(key(row));
    if (!next || signature(next.state) === signature(row.state)) continue;
    changes.push({ cluster: row.cluster, fqdn: row.fqdn, namespace: row.namespace, before: row.state, after: next.state });
  }
  return { removal, changes };
}

// Where the planner puts the kinds whose namespace is not fixed, per cluster: WorkloadEntries and
// DestinationRules in the namespaces the workspaces cover there (DRs also in xcp-multicluster), passthrough
// Gateways beside the cluster's IngressGateways. The ownership proof (ownership.ts) checks an object's place
// against it. Namespaces of the current plan are added too, so whatever the planner did produce is always
// within its own scope; workspace namespaces are what keeps an owned object provable (and so deletable) after
// the service it was generated for stops being exposed.
import { passthroughGatewayName } from "@/lib/names/object-names";
import type { DesiredObject } from "@/lib/plan/desired";
import type { PlanInput } from "@/lib/plan/input";
import type { PlanResult } from "@/lib/plan/plan";
import { workspaceScope } from "@/lib/plan/workspace-scope";

export type OwnershipScope = {
  workspaceNamespaces: ReadonlySet<string>;
  /** `namespace/name` of every passthrough Gateway the planner could put in this cluster. */
  gateways: ReadonlySet<string>;
};

export type OwnershipScopes = ReadonlyMap<string, OwnershipScope>;

type Draft = { namespaces: Set<string>; gateways: Set<string> };

// A plan's list is sorted by id (kind, namespace, name), so a cluster's tens of thousands of WorkloadEntries come
// in a few long runs of one namespace: a run adds its namespace once, not a Set lookup per object.
function addPlanned(draft: Draft, desired: readonly DesiredObject[]): void {
  let last: string | undefined;
  for (const d of desired) {
    if (d.kind === "Gateway") draft.gateways.add(`${d.metadata.namespace}/${d.metadata.name}`);
    else if (d.kind !== "ServiceEntry" && d.metadata.namespace !== last) draft.namespaces.add((last = d.metadata.namespace));
  }
}

const keyOf = (d: Draft) => `${[...d.namespaces].sort().join(",")}|${[...d.gateways].sort().join(",")}`;

/** Only from a plan (pure tests, callers without the planner input): what the plan itself places. */
export function scopeFromPlanned(desired: readonly DesiredObject[]): OwnershipScope {
  const draft: Draft = { namespaces: new Set(), gateways: new Set() };
  addPlanned(draft, desired);
  return { workspaceNamespaces: draft.namespaces, gateways: draft.gateways };
}

/**
 * Every cluster's scope. `previous`: the scopes of an earlier plan; a cluster whose scope did not change keeps
 * its object, so comparisons remembered against it stay valid (compare.ts memoises per scope object).
 */
export type ScopeSet = { scopes: OwnershipScopes; keys: ReadonlyMap<string, string> };

export function ownershipScopes(input: PlanInput, plan: PlanResult, previous?: ScopeSet): ScopeSet {
  const drafts = new Map<string, Draft>(input.clusters.map((c) => [c.name, { namespaces: new Set<string>(), gateways: new Set(c.gateways.map((g) => `${g.namespace}/${passthroughGatewayName(g.name)}`)) }]));
  for (const ws of input.workspaces) {
    for (const [cluster, namespaces] of workspaceScope(ws, input.clusters).scope) for (const ns of namespaces) drafts.get(cluster)?.namespaces.add(ns);
  }
  for (const [cluster, desired] of Object.entries(plan.clusters)) {
    let draft = drafts.get(cluster);
    if (!draft) drafts.set(cluster, (draft = { namespaces: new Set(), gateways: new Set() }));
    addPlanned(draft, desired);
  }
  const scopes = new Map<string, OwnershipScope>();
  const keys = new Map<string, string>();
  for (const [cluster, draft] of drafts) {
    const key = keyOf(draft);
    const before = previous?.scopes.get(cluster);
    keys.set(cluster, key);
    scopes.set(cluster, before && previous?.keys.get(cluster) === key ? before : { workspaceNamespaces: draft.namespaces, gateways: draft.gateways });
  }
  return { scopes, keys };
}

// The failover input (the facts) and the full failoverStates rows of one workspace, memoized on the fleet model's
// state the way server/workspaces/failover-view.ts memoizes the workspace page's cells: the topology needs what
// those cells drop (every remote check, the gateways' addresses and ready pods, the dialled addresses). The
// fleet-wide slots (gateway pods, freshness, live rules, shadow memo) are the very ones failover-view.ts fills, so
// the two pages share one computation per change; the per-workspace endpoint counts and states are this module's.
import { createShadowMemo, failoverInputFrom, type ShadowMemo } from "@/lib/failover/from-model";
import { failoverStates } from "@/lib/failover/failover-state";
import type { EndpointCount, FailoverInput, FailoverRow } from "@/lib/failover/types";
import type { CachedObject, ObjectMap } from "@/lib/fleet/snapshot-types";
import { gatewayPodsOf, type GatewayPods } from "@/lib/readiness/gateway-pods";
import { freshnessOf } from "@/lib/readiness/from-snapshot";
import { localEndpoints, slicesByService } from "@/lib/readiness/ready-endpoints";
import type { ModelState } from "@/server/model/types";
import { liveRulesInput } from "@/server/workspaces/failover-rules";
import { snapshotKeys, type ViewMemo } from "@/server/workspaces/view-memo";
import type { WorkspaceCore } from "@/server/workspaces/workspace-slice";

export type FailoverData = { input: FailoverInput; rows: readonly FailoverRow[] };

// The slice index of one EndpointSlice map, kept while the map is (the cache keeps an unchanged kind's map).
const slicesIndex = new WeakMap<ObjectMap, Map<string, CachedObject[]>>();

function slicesOf(map: ObjectMap): Map<string, CachedObject[]> {
  let index = slicesIndex.get(map);
  if (!index) slicesIndex.set(map, (index = slicesByService(map.values())));
  return index;
}

type Counts = { byKey: ReadonlyMap<string, EndpointCount>; digest: string };

const countKey = (cluster: string, fqdn: string) => `${cluster}\u0000${fqdn}`;

/** Each (cluster, service) of the workspace: its local endpoints now, and the counts as one string. */
function endpointCounts(state: ModelState, core: WorkspaceCore): Counts {
  const byKey = new Map<string, EndpointCount>();
  const parts: string[] = [];
  const objectsOf = new Map(state.snapshot.clusters.map((c) => [c.name, c.objects]));
  for (const svc of core.services) {
    for (const { cluster } of svc.instances) {
      const objects = objectsOf.get(cluster);
      const count = objects ? localEndpoints(objects, svc.namespace, svc.name, slicesOf(objects.EndpointSlice)) : undefined;
      if (!count) continue;
      byKey.set(countKey(cluster, svc.fqdn), count);
      parts.push(`${cluster} ${svc.fqdn} ${count.ready}/${count.total}`);
    }
  }
  return { byKey, digest: parts.join("\n") };
}

/** What a gateway-pods map says, as a string: a pod change elsewhere in the cluster leaves it equal. */
function podsDigest(pods: ReadonlyMap<string, GatewayPods>): string {
  return [...pods].map(([key, p]) => `${key} ${p.ready}/${p.total}`).join("\n");
}

/** The failover facts and states of `core`'s workspace; the same object until something they read changes. */
export function failoverDataOf(memo: ViewMemo, state: ModelState, core: WorkspaceCore): FailoverData {
  const { input } = state.adapted;
  const keys = snapshotKeys(state.snapshot);
  const spanned = state.snapshot.clusters.filter((c) => core.clusterNames.includes(c.name));
  const maps = spanned.flatMap((c) => [c.objects.Service, c.objects.EndpointSlice, c.objects.Pod]);
  const counts = memo.get(`topology-endpoints\u0000${core.ws.name}`, [core, ...maps], () => endpointCounts(state, core));
  // The same slots, keys and computations as failover-view.ts and readinessOf: one fleet-wide count per change.
  const gatewayPods = memo.get("gateway-pods", [input, ...keys.pods], () => gatewayPodsOf(state.snapshot, input));
  const gateways = memo.get("gateway-pods-digest", [gatewayPods], () => podsDigest(gatewayPods));
  const freshness = memo.get("freshness", [keys.clusters], () => freshnessOf(state.snapshot));
  const observed = state.registry.observed.filter((o) => core.clusterNames.includes(o.name));
  const live = liveRulesInput(memo, state);
  return memo.get(`topology-failover\u0000${core.ws.name}`, [live, core, keys.clusters, gateways, counts.digest, ...observed], () => {
    const facts = failoverInputFrom({
      input: live,
      workspace: core.ws,
      observed,
      gatewayPods,
      freshness,
      readyEndpoints: (cluster, fqdn) => counts.byKey.get(countKey(cluster, fqdn)),
      shadowMemo: memo.get<ShadowMemo>("failover-shadow-memo", [], () => createShadowMemo()),
    });
    return { input: facts, rows: failoverStates(facts) };
  });
}

// The failover input of one workspace (what lib/failover's failoverStates reads), for "what if": failoverImpact
// recomputes the states on this input with a part removed. Built as server/workspaces/failover-view.ts builds it for
// the workspace page — the same view-memo slots for the endpoint counts, gateway pods and freshness, so between two
// changes nothing here is recomputed and the page's computation is shared — and memoized on the same keys as the
// page's rows. (Requested: failover-view.ts exporting this input itself; see the inspect report.)
import { createShadowMemo, failoverInputFrom } from "@/lib/failover/from-model";
import type { EndpointCount, FailoverInput } from "@/lib/failover/types";
import type { CachedObject, ObjectMap } from "@/lib/fleet/snapshot-types";
import { gatewayPodsOf, type GatewayPods } from "@/lib/readiness/gateway-pods";
import { freshnessOf } from "@/lib/readiness/from-snapshot";
import { localEndpoints, slicesByService } from "@/lib/readiness/ready-endpoints";
import type { ModelState } from "@/server/model/types";
import { liveRulesInput } from "@/server/workspaces/failover-rules";
import { snapshotKeys, type ViewMemo } from "@/server/workspaces/view-memo";
import type { WorkspaceCore } from "@/server/workspaces/workspace-slice";

const slicesIndex = new WeakMap<ObjectMap, Map<string, CachedObject[]>>();

function slicesOf(map: ObjectMap): Map<string, CachedObject[]> {
  let index = slicesIndex.get(map);
  if (!index) slicesIndex.set(map, (index = slicesByService(map.values())));
  return index;
}

type Counts = { byKey: ReadonlyMap<string, EndpointCount>; digest: string };

const countKey = (cluster: string, fqdn: string) => `${cluster}\u0000${fqdn}`;

function endpointCounts(state: ModelState, core: WorkspaceCore): Counts {
  const byKey = new Map<string, EndpointCount>();
  const parts: string[] = [];
  for (const svc of core.services) {
    for (const { cluster } of svc.instances) {
      const objects = state.snapshot.clusters.find((c) => c.name === cluster)?.objects;
      const count = objects ? localEndpoints(objects, svc.namespace, svc.name, slicesOf(objects.EndpointSlice)) : undefined;
      if (!count) continue;
      byKey.set(countKey(cluster, svc.fqdn), count);
      parts.push(`${cluster} ${svc.fqdn} ${count.ready}/${count.total}`);
    }
  }
  return { byKey, digest: parts.join("\n") };
}

const podsDigest = (pods: ReadonlyMap<string, GatewayPods>) => [...pods].map(([key, p]) => `${key} ${p.ready}/${p.total}`).join("\n");

export function failoverInputOf(memo: ViewMemo, state: ModelState, core: WorkspaceCore): FailoverInput {
  const { input } = state.adapted;
  const keys = snapshotKeys(state.snapshot);
  const spanned = state.snapshot.clusters.filter((c) => core.clusterNames.includes(c.name));
  const maps = spanned.flatMap((c) => [c.objects.Service, c.objects.EndpointSlice, c.objects.Pod]);
  const counts = memo.get(`inspect-endpoints\u0000${core.ws.name}`, [core, ...maps], () => endpointCounts(state, core));
  const gatewayPods = memo.get("gateway-pods", [input, ...keys.pods], () => gatewayPodsOf(state.snapshot, input));
  const gateways = memo.get("gateway-pods-digest", [gatewayPods], () => podsDigest(gatewayPods));
  const freshness = memo.get("freshness", [keys.clusters], () => freshnessOf(state.snapshot));
  const observed = state.registry.observed.filter((o) => core.clusterNames.includes(o.name));
  const live = liveRulesInput(memo, state);
  return memo.get(`inspect-failover-input\u0000${core.ws.name}`, [live, core, keys.clusters, gateways, counts.digest, ...observed], () =>
    failoverInputFrom({
      input: live,
      workspace: core.ws,
      observed,
      gatewayPods,
      freshness,
      readyEndpoints: (cluster, fqdn) => counts.byKey.get(countKey(cluster, fqdn)),
      shadowMemo: memo.get("failover-shadow-memo", [], () => createShadowMemo()),
    }),
  );
}

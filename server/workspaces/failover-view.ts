// The workspace page's failover table: lib/failover's failoverStates on the fleet model's current state, memoized
// per workspace (view-memo.ts) so no request walks the fleet. Two levels, because the cache's per-kind maps change
// with any object of that kind anywhere in a cluster (a Pod restarting in another namespace):
// 1. the local endpoint counts of the workspace's services, read from each spanned cluster's counts
//    (local-endpoint-counts.ts, recounted in slices when its Service, EndpointSlice or Pod map changes), reduced to
//    a string;
// 2. the states, recomputed only when something they read changed: the planner input, the observed objects of a
//    spanned cluster, their DestinationRules (failover-rules.ts: as the clusters hold them, ours included), the
//    gateways' ready pods, the clusters' freshness, or that string of counts.
// So a change elsewhere hands back the very same rows (and the same detail for the page).
import { createShadowMemo, failoverInputSteps } from "@/lib/failover/from-model";
import { failoverStatesSteps } from "@/lib/failover/failover-state";
import type { EndpointCount, FailoverInput, FailoverRow } from "@/lib/failover/types";
import { AT_RISK_WORDS, FAILOVER_WORDS, failoverSentence } from "@/lib/failover/words";
import { gatewayPodsOf, type GatewayPods } from "@/lib/readiness/gateway-pods";
import { freshnessOf } from "@/lib/readiness/from-snapshot";
import { failoverRows } from "@/lib/workspace-view/failover-page";
import type { FailoverCell, FailoverRowView } from "@/lib/workspace-view/types";
import type { ModelState } from "@/server/model/types";
import { liveRulesInput } from "./failover-rules";
import { localEndpointCounts } from "./local-endpoint-counts";
import type { LocalEndpointCounts } from "./preview-query";
import { runSliced } from "./time-slice";
import { snapshotKeys, type ViewMemo } from "./view-memo";
import type { WorkspaceCore } from "./workspace-slice";

type Counts = { byKey: ReadonlyMap<string, EndpointCount>; digest: string };

const countKey = (cluster: string, fqdn: string) => `${cluster}\u0000${fqdn}`;

/**
 * Each (cluster, service) of the workspace: its local endpoints now, read from the clusters' counts that removal
 * previews take too (local-endpoint-counts.ts: one count per cluster per change of its maps), and a digest of them.
 */
function endpointCounts(local: LocalEndpointCounts, core: WorkspaceCore): Counts {
  const byKey = new Map<string, EndpointCount>();
  const parts: string[] = [];
  for (const svc of core.services) {
    for (const cluster of svc.clusters) {
      const count = local[cluster]?.[`${svc.namespace}/${svc.name}`];
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

/** The compact row the page shows. */
export function failoverCell(row: FailoverRow): FailoverCell {
  const { state } = row;
  const routes = state.kind === "serving-locally" || state.kind === "failed-over" || state.kind === "at-risk" ? state.targets : state.kind === "remote-only" ? state.remotes.flatMap((r) => (r.ok ? [r.route] : [])) : [];
  return {
    cluster: row.cluster,
    fqdn: row.fqdn,
    namespace: row.namespace,
    kind: state.kind,
    words: FAILOVER_WORDS[state.kind],
    ...(state.kind === "at-risk" ? { reason: state.reason, reasonWords: AT_RISK_WORDS[state.reason] } : {}),
    targets: routes.map((r) => ({ cluster: r.cluster, gateway: r.gateway })),
    sentence: failoverSentence(row),
  };
}

export type FailoverData = { input: FailoverInput; rows: readonly FailoverRow[] };

/**
 * The failover facts and full states of `core`'s workspace (every remote check, gateway addresses and ready pods:
 * what the topology and what-if read, and the cells below drop); the same object until something they read changes.
 * Computed in slices of the event loop (lib/steps.ts): at 20 × 1,000 the facts and states are seconds of CPU.
 */
export async function failoverDataOf(memo: ViewMemo, state: ModelState, core: WorkspaceCore): Promise<FailoverData> {
  const { input } = state.adapted;
  const keys = snapshotKeys(state.snapshot);
  const local = await localEndpointCounts(memo, state.snapshot);
  // Each spanned cluster's counts keep their identity while its Service, EndpointSlice and Pod maps do.
  const spanned = core.clusterNames.map((c) => local[c]);
  const counts = memo.get(`failover-endpoints\u0000${core.ws.name}`, [core, ...spanned], () => endpointCounts(local, core));
  // The same slots and keys as readinessOf (workspace-slice.ts): one fleet-wide count per change, shared.
  const gatewayPods = memo.get("gateway-pods", [input, ...keys.pods], () => gatewayPodsOf(state.snapshot, input));
  const gateways = memo.get("gateway-pods-digest", [gatewayPods], () => podsDigest(gatewayPods));
  const freshness = memo.get("freshness", [keys.clusters], () => freshnessOf(state.snapshot));
  const observed = state.registry.observed.filter((o) => core.clusterNames.includes(o.name));
  // The same live-rules input as readinessOf: the planner's, with the DestinationRules the clusters hold now.
  const live = liveRulesInput(memo, state);
  return memo.getAsync(`failover-data\u0000${core.ws.name}`, [live, core, keys.clusters, gateways, counts.digest, ...observed], async () => {
    const facts = await runSliced(failoverInputSteps({
      input: live,
      workspace: core.ws,
      observed,
      gatewayPods,
      freshness,
      readyEndpoints: (cluster, fqdn) => counts.byKey.get(countKey(cluster, fqdn)),
      // One per view memo (per fleet model): a cluster whose observed objects did not change is not walked again.
      shadowMemo: memo.get("failover-shadow-memo", [], () => createShadowMemo()),
    }));
    return { input: facts, rows: await runSliced(failoverStatesSteps(facts)) };
  });
}

/** The failover state of every service of `core`'s workspace in every cluster it spans, as the page shows it. */
export async function failoverOf(memo: ViewMemo, state: ModelState, core: WorkspaceCore): Promise<FailoverCell[]> {
  const data = await failoverDataOf(memo, state, core);
  return memo.get(`failover\u0000${core.ws.name}`, [data], () => data.rows.map(failoverCell));
}

export type FailoverTable = { rows: readonly FailoverRowView[]; version: number };

/**
 * The failover table of `core`'s workspace, one row per service, and its version: the same object until a cell
 * changes, then a new one with a higher version (counted per view memo from its creation time, so a restarted
 * console does not hand a page an old number for new cells).
 */
export async function failoverTableOf(memo: ViewMemo, state: ModelState, core: WorkspaceCore): Promise<FailoverTable> {
  const cells = await failoverOf(memo, state, core);
  return memo.get(`failover-table\u0000${core.ws.name}`, [cells], () => {
    const seq = memo.get("failover-version", [], () => ({ last: Date.now() }));
    seq.last += 1;
    return { rows: failoverRows(cells), version: seq.last };
  });
}

// The failover state of the drilled service in the drilled cluster, from the fleet model (the one the workspace
// and topology pages show: server/workspaces/failover-view.ts, memoized per model state), reduced to what the
// drill's precheck asks: is there a failover target (shadow WorkloadEntries to a remote gateway), are the remote
// instances ready, are the gateways ready, is outlier detection in place.
import type { DrillWorld } from "@/lib/drills/machine-types";
import type { FailoverRow, RemoteCheck, RemoteProblem } from "@/lib/failover/types";
import { failoverSentence } from "@/lib/failover/words";
import { serviceFqdn } from "@/lib/names/fqdn";
import type { PlanInput } from "@/lib/plan/input";
import { rulesByHost } from "@/lib/readiness/rules-by-host";
import type { FleetModel, ModelState } from "@/server/model/types";
import { failoverDataOf } from "@/server/workspaces/failover-view";
import { liveRulesInput } from "@/server/workspaces/failover-rules";
import { viewMemoOf } from "@/server/workspaces/view-memo";
import { coreOf } from "@/server/workspaces/workspace-slice";

export type FailoverFacts = DrillWorld["failover"] & {
  /** Where traffic goes when the local instances are gone: each remote cluster, its gateway, and whether it works. */
  remotes: { cluster: string; gateway: string; ready: boolean }[];
  /** The workspace the service was found in, when it is in one. */
  workspace?: string;
};

// checkRemote (lib/failover/remote-targets.ts) tests in order: stale, gateway, gateway ready, dialled address
// (shadows), remote endpoints known, remote endpoints up. A check failing later passed the earlier tests.
const PAST_GATEWAYS: readonly RemoteProblem[] = ["no-shadow-workload-entries", "not-in-service-entry", "remote-endpoints-unknown", "remote-instances-down"];
const PAST_SHADOWS: readonly RemoteProblem[] = ["remote-endpoints-unknown", "remote-instances-down"];

function checksOf(row: FailoverRow): readonly RemoteCheck[] {
  const s = row.state;
  if (s.kind === "serving-locally" || s.kind === "failed-over") return s.targets.map((route) => ({ cluster: route.cluster, ok: true as const, route }));
  if (s.kind === "at-risk" || s.kind === "unavailable" || s.kind === "remote-only") return s.remotes;
  return [];
}

/** The drill's view of one failover row; `outlier`: a DestinationRule with outlier detection covers the service there. */
export function factsOfRow(row: FailoverRow, outlier: boolean): FailoverFacts {
  const checks = checksOf(row);
  const passed = (past: readonly RemoteProblem[]) => checks.some((c) => c.ok || past.includes(c.problem));
  const facts: FailoverFacts = {
    targetExists: passed(PAST_SHADOWS),
    remoteReady: checks.some((c) => c.ok),
    gatewaysReady: passed(PAST_GATEWAYS),
    outlierDetection: outlier,
    remotes: checks.map((c) => (c.ok ? { cluster: c.cluster, gateway: c.route.gateway, ready: true } : { cluster: c.cluster, gateway: "", ready: false })),
  };
  return row.state.kind === "serving-locally" || row.state.kind === "failed-over" ? facts : { ...facts, reason: failoverSentence(row) };
}

const NOT_IN_WORKSPACE = (cluster: string, fqdn: string): FailoverFacts => ({
  targetExists: false,
  remoteReady: false,
  gatewaysReady: false,
  outlierDetection: false,
  remotes: [],
  reason: `${fqdn} in ${cluster} is in no workspace the console knows, so nothing fails it over to another cluster.`,
});

/** The maxEjectionPercent of the first rule with outlier detection covering `fqdn` in `cluster` (Istio: the oldest wins). */
export function ejectionCapOf(input: PlanInput, cluster: string, fqdn: string): number | undefined {
  const here = input.clusters.find((c) => c.name === cluster);
  return here ? rulesByHost()(here, fqdn).find((dr) => dr.hasOutlierDetection)?.maxEjectionPercent : undefined;
}

/** The failover facts of `namespace/service` in `cluster` from the model's state (the first workspace holding it). */
export async function failoverFactsOf(model: FleetModel, state: ModelState, cluster: string, namespace: string, service: string): Promise<FailoverFacts> {
  const memo = viewMemoOf(model);
  const fqdn = serviceFqdn({ namespace, name: service });
  for (const ws of state.adapted.input.workspaces) {
    const core = coreOf(memo, state, ws);
    if (!core.clusterNames.includes(cluster)) continue;
    const data = await failoverDataOf(memo, state, core);
    const row = data.rows.find((r) => r.cluster === cluster && r.fqdn === fqdn);
    if (!row) continue;
    const facts = data.input.clusters.find((c) => c.name === cluster);
    const outlier = facts?.outlierDetection.includes(fqdn) ?? false;
    const remoteHosts = facts?.shadowEntries.filter((e) => e.fqdn === fqdn).reduce((n, e) => n + Math.max(1, e.addresses.length), 0) ?? 0;
    const maxEjectionPercent = outlier ? ejectionCapOf(liveRulesInput(memo, state), cluster, fqdn) : undefined;
    return { ...factsOfRow(row, outlier), remoteHosts, ...(maxEjectionPercent === undefined ? {} : { maxEjectionPercent }), workspace: ws.name };
  }
  return NOT_IN_WORKSPACE(cluster, fqdn);
}

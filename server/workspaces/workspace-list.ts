// The overview's workspace list: per workspace its clusters and namespaces, exposure, how many of its clusters
// have a ready east-west gateway, and the readiness checklist's verdict — from the fleet model's state, through
// the same per-workspace memos as the workspace page (workspace-slice.ts).
import { exposureCount } from "@/lib/workspace-view/exposure-count";
import type { WorkspaceSummary } from "@/lib/workspace-view/types";
import { uniqueSorted } from "@/lib/plan/json";
import type { WorkspaceDeps } from "./deps";
import { stateOf } from "./fleet-input";
import { viewMemoOf } from "./view-memo";
import { gatewayConditionsOf } from "./workspace-conditions";
import { clustersOf, coreOf, readinessOf } from "./workspace-slice";
import { exposureOf } from "./workspace-services";

export async function workspaceList(deps: Pick<WorkspaceDeps, "model">): Promise<WorkspaceSummary[]> {
  const state = await stateOf(deps);
  const { input } = state.adapted;
  const memo = viewMemoOf(deps.model);
  return input.workspaces.map((ws) => {
    const core = coreOf(memo, state, ws);
    // The serving gateways' address conditions, per workspace: no fleet-wide plan on a request.
    const gatewayConditions = memo.get(`gateway-conditions\u0000${ws.name}`, [ws, input], () => gatewayConditionsOf(input, ws));
    const clusters = clustersOf(memo, state, core, gatewayConditions, "list-clusters");
    const readiness = readinessOf(memo, state, ws.name);
    const exposure = exposureOf(ws);
    const { exposed, unnamed } = exposureCount(exposure, core.services);
    return {
      name: ws.name,
      ...(ws.namespace ? { namespace: ws.namespace } : {}),
      clusters: clusters.map((c) => c.name),
      namespaces: uniqueSorted(clusters.flatMap((c) => c.namespaces)),
      exposure,
      exposedCount: exposed,
      unnamedExposedEntries: unnamed,
      unsyncedClusters: clusters.filter((c) => !c.freshness.everSynced).map((c) => c.name),
      gatewaysReady: clusters.filter((c) => c.gateways.some((g) => g.phase === "ready")).length,
      ready: readiness.ready,
      failingChecks: readiness.items.filter((i) => i.status === "fail").length,
    };
  });
}

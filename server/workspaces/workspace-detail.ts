// The workspace page: selector, live setting and exposure, per-cluster gateways and freshness, services, the
// HA readiness checklist, and — when the registry runs — the propagation of its exposed services and the
// registry conditions about it (otherwise the planner's conditions of the model's plan). Everything is read from
// the fleet model's current state, through memos that keep it until what it reads changes (workspace-slice.ts).
import { defaultNamespace } from "@/lib/manifests/ingress-gateway";
import type { WorkspaceDetail } from "@/lib/workspace-view/types";
import type { RegistryStatus } from "@/server/registry/status";
import type { ModelState } from "@/server/model/types";
import type { WorkspaceDeps } from "./deps";
import { failoverSummary } from "@/lib/workspace-view/failover-page";
import { failoverTableOf } from "./failover-view";
import { requireWorkspace, stateOf } from "./fleet-input";
import { viewMemoOf, type ViewMemo } from "./view-memo";
import { runningDrillsOf } from "./workspace-drills";
import { workspaceConditions, type AnyCondition } from "./workspace-conditions";
import { clustersOf, coreOf, readinessOf, stableList, type WorkspaceCore } from "./workspace-slice";
import { exposureOf } from "./workspace-services";

/** The registry's conditions when it runs (with its write failures and DNS answers), else the planner's. */
function aboutWorkspace(memo: ViewMemo, state: ModelState, status: RegistryStatus | undefined, workspace: string): readonly AnyCondition[] {
  const all = stableList(memo, "conditions", status ? status.conditions : state.plan.conditions);
  return memo.get(`about\u0000${workspace}`, [all], () => all.filter((c) => c.workspace === undefined || c.workspace === workspace));
}

function propagationOf(memo: ViewMemo, status: RegistryStatus | undefined, core: WorkspaceCore): WorkspaceDetail["propagation"] {
  if (!status) return undefined;
  return memo.get(`propagation\u0000${core.ws.name}`, [status.propagation, core], () => status.propagation.filter((p) => core.exposed.has(p.fqdn)).map((p) => ({ fqdn: p.fqdn, clusters: p.clusters })));
}

export async function workspaceDetail(deps: WorkspaceDeps, name: string): Promise<WorkspaceDetail> {
  const state = await stateOf(deps);
  const ws = requireWorkspace(state, name);
  const [api, status] = await Promise.all([deps.settingsApi(), deps.registryStatus?.()]);
  const memo = viewMemoOf(deps.model);
  const core = coreOf(memo, state, ws);
  const conditions = aboutWorkspace(memo, state, status, ws.name);
  const gatewayNamespace = defaultNamespace(ws);
  const propagation = propagationOf(memo, status, core);
  const table = await failoverTableOf(memo, state, core);
  const failover = memo.get(`failover-summary\u0000${ws.name}`, [table], () => failoverSummary(table.rows, table.version));
  const clusters = clustersOf(memo, state, core, conditions, "detail-clusters");
  const readiness = readinessOf(memo, state, name);
  const shown = memo.get(`shown\u0000${ws.name}`, [conditions, core], () => workspaceConditions(conditions, core.reach));
  const runningDrills = runningDrillsOf(memo, state, core);
  const parts = [ws, api.form, state.snapshot.managementCluster, clusters, core, readiness, failover, propagation, shown, runningDrills];
  // The answer itself is kept while its parts are the same objects: the tabs asking between two changes get the
  // one object, whose plain-JSON verdict (server/plain-json.ts) is then taken once rather than walked per call.
  return memo.get(`detail\u0000${ws.name}`, parts, (): WorkspaceDetail => ({
    name: ws.name,
    ...(ws.namespace ? { namespace: ws.namespace } : {}),
    namespaceSelector: [...ws.namespaceSelector],
    settingsForm: api.form,
    ...(ws.setting ? { setting: { name: ws.setting.name, namespace: ws.setting.namespace, workloadSelector: { ...ws.setting.workloadSelector } } } : {}),
    exposure: exposureOf(ws),
    ...(gatewayNamespace ? { defaultGatewayNamespace: gatewayNamespace } : {}),
    managementCluster: state.snapshot.managementCluster,
    clusters,
    services: core.services,
    readiness,
    failover,
    ...(propagation ? { propagation } : {}),
    conditions: shown,
    runningDrills,
  }));
}

// The workspace page: selector, live setting and exposure, per-cluster gateways and freshness, services, the
// HA readiness checklist, and — when the registry runs — the propagation of its exposed services and the
// registry conditions about it (otherwise the planner's conditions, computed the same way).
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { defaultNamespace } from "@/lib/manifests/ingress-gateway";
import { workspaceScope } from "@/lib/plan/workspace-scope";
import { freshnessOf } from "@/lib/readiness/from-snapshot";
import { gatewayPodsOf } from "@/lib/readiness/gateway-pods";
import { haChecklist, type HaChecklist } from "@/lib/readiness/ha-checklist";
import type { WorkspaceDetail } from "@/lib/workspace-view/types";
import { notFound } from "@/server/errors";
import type { RegistryStatus } from "@/server/registry/status";
import type { WorkspaceDeps } from "./deps";
import { planInputOf, requireWorkspace, workspaceClusterNames, type HostnameAnswers } from "./fleet-input";
import { workspaceClusters } from "./workspace-clusters";
import { planOf, workspaceConditions, type AnyCondition } from "./workspace-conditions";
import { exposureOf, servicesOf } from "./workspace-services";

/**
 * The checklist on the very input the previews and (with the registry's DNS answers) the registry plan from, so
 * a DNS-named gateway is judged by the same resolved addresses everywhere.
 */
export function readinessOf(snapshot: FleetSnapshot, workspace: string, answers?: HostnameAnswers): HaChecklist {
  const management = snapshot.managementCluster ?? undefined;
  const { input } = planInputOf(snapshot, answers);
  // The gateways' ready pods: published addresses with none behind them fail the gateway check.
  const result = haChecklist(input, workspace, { freshness: freshnessOf(snapshot), gatewayPods: gatewayPodsOf(snapshot, input), ...(management ? { managementCluster: management } : {}) });
  if (!result.ok) throw notFound("workspace", result.error.message);
  return result.checklist;
}

/** The registry's conditions when it runs (it resolved the gateways' hostnames), else the planner's on this snapshot. */
function allConditions(snapshot: FleetSnapshot, status: RegistryStatus | undefined, answers: HostnameAnswers | undefined): readonly AnyCondition[] {
  return status ? status.conditions : planOf(snapshot, answers).conditions;
}

export async function workspaceDetail(deps: WorkspaceDeps, name: string): Promise<WorkspaceDetail> {
  const snapshot = deps.snapshot();
  const ws = requireWorkspace(snapshot, name);
  const [api, status, answers] = await Promise.all([deps.settingsApi(), deps.registryStatus?.(), deps.gatewayHostnames?.()]);
  const { input } = planInputOf(snapshot, answers);
  const { scope } = workspaceScope(ws, input.clusters);
  const services = servicesOf(ws, input.clusters);
  const exposed = new Set(services.filter((s) => s.exposed).map((s) => s.fqdn));
  const gatewayNamespace = defaultNamespace(ws);
  const clusterNames = workspaceClusterNames(snapshot, ws);
  const conditions = allConditions(snapshot, status, answers).filter((c) => c.workspace === undefined || c.workspace === ws.name);
  return {
    name: ws.name,
    ...(ws.namespace ? { namespace: ws.namespace } : {}),
    namespaceSelector: [...ws.namespaceSelector],
    settingsForm: api.form,
    ...(ws.setting ? { setting: { name: ws.setting.name, namespace: ws.setting.namespace, workloadSelector: { ...ws.setting.workloadSelector } } } : {}),
    exposure: exposureOf(ws),
    ...(gatewayNamespace ? { defaultGatewayNamespace: gatewayNamespace } : {}),
    managementCluster: snapshot.managementCluster,
    clusters: workspaceClusters(snapshot, clusterNames, scope, conditions),
    services,
    readiness: readinessOf(snapshot, name, answers),
    ...(status ? { propagation: status.propagation.filter((p) => exposed.has(p.fqdn)).map((p) => ({ fqdn: p.fqdn, clusters: p.clusters })) } : {}),
    conditions: workspaceConditions(conditions, { name: ws.name, scope, clusters: clusterNames, services: services.map((s) => s.fqdn) }),
  };
}

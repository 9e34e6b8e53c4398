// The workspace page: selector, live setting and exposure, per-cluster gateways and freshness, services, the
// HA readiness checklist, and — when the registry runs — the propagation of its exposed services and the
// registry conditions about it (otherwise the planner's conditions, computed the same way).
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { defaultNamespace } from "@/lib/manifests/ingress-gateway";
import { workspaceScope } from "@/lib/plan/workspace-scope";
import { haChecklistFromSnapshot } from "@/lib/readiness/from-snapshot";
import type { HaChecklist } from "@/lib/readiness/ha-checklist";
import type { WorkspaceDetail } from "@/lib/workspace-view/types";
import { notFound } from "@/server/errors";
import type { RegistryStatus } from "@/server/registry/status";
import type { WorkspaceDeps } from "./deps";
import { planInputOf, requireWorkspace, workspaceClusterNames } from "./fleet-input";
import { workspaceClusters } from "./workspace-clusters";
import { planOf, workspaceConditions, type AnyCondition } from "./workspace-conditions";
import { exposureOf, servicesOf } from "./workspace-services";

export function readinessOf(snapshot: FleetSnapshot, workspace: string): HaChecklist {
  const { allowLoopbackGatewayAddresses } = planInputOf(snapshot).input;
  const result = haChecklistFromSnapshot(snapshot, workspace, { allowLoopbackGatewayAddresses: allowLoopbackGatewayAddresses === true });
  if (!result.ok) throw notFound("workspace", result.error.message);
  return result.checklist;
}

/** The registry's conditions when it runs (it resolved the gateways' hostnames), else the planner's on this snapshot. */
function allConditions(snapshot: FleetSnapshot, status: RegistryStatus | undefined): readonly AnyCondition[] {
  return status ? status.conditions : planOf(snapshot).conditions;
}

export async function workspaceDetail(deps: WorkspaceDeps, name: string): Promise<WorkspaceDetail> {
  const snapshot = deps.snapshot();
  const ws = requireWorkspace(snapshot, name);
  const { input } = planInputOf(snapshot);
  const { scope } = workspaceScope(ws, input.clusters);
  const [api, status] = await Promise.all([deps.settingsApi(), deps.registryStatus?.()]);
  const services = servicesOf(ws, input.clusters);
  const exposed = new Set(services.filter((s) => s.exposed).map((s) => s.fqdn));
  const gatewayNamespace = defaultNamespace(ws);
  const clusterNames = workspaceClusterNames(snapshot, ws);
  const conditions = allConditions(snapshot, status).filter((c) => c.workspace === undefined || c.workspace === ws.name);
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
    readiness: readinessOf(snapshot, name),
    ...(status ? { propagation: status.propagation.filter((p) => exposed.has(p.fqdn)).map((p) => ({ fqdn: p.fqdn, clusters: p.clusters })) } : {}),
    conditions: workspaceConditions(conditions, { name: ws.name, scope, clusters: clusterNames, services: services.map((s) => s.fqdn) }),
  };
}

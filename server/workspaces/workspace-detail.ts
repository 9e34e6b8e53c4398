// The workspace page: selector, live setting and exposure, per-cluster gateways and freshness, services, the
// HA readiness checklist, and — when the registry runs — the propagation of its exposed services and the
// registry conditions about it (otherwise the planner's conditions, computed the same way).
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { defaultNamespace } from "@/lib/manifests/ingress-gateway";
import { plan } from "@/lib/plan/plan";
import { workspaceScope } from "@/lib/plan/workspace-scope";
import { haChecklistFromSnapshot } from "@/lib/readiness/from-snapshot";
import type { HaChecklist } from "@/lib/readiness/ha-checklist";
import type { WorkspaceDetail } from "@/lib/workspace-view/types";
import { notFound } from "@/server/errors";
import type { RegistryStatus } from "@/server/registry/status";
import type { WorkspaceDeps } from "./deps";
import { planInputOf, requireWorkspace, workspaceClusterNames } from "./fleet-input";
import { workspaceClusters } from "./workspace-clusters";
import { exposureOf, servicesOf } from "./workspace-services";

type Condition = WorkspaceDetail["conditions"][number];

export function readinessOf(snapshot: FleetSnapshot, workspace: string): HaChecklist {
  const { allowLoopbackGatewayAddresses } = planInputOf(snapshot).input;
  const result = haChecklistFromSnapshot(snapshot, workspace, { allowLoopbackGatewayAddresses: allowLoopbackGatewayAddresses === true });
  if (!result.ok) throw notFound("workspace", result.error.message);
  return result.checklist;
}

function conditionsFor(snapshot: FleetSnapshot, workspace: string, status: RegistryStatus | undefined): Condition[] {
  const all = status ? status.conditions : plan(planInputOf(snapshot).input).conditions;
  return all.filter((c) => c.workspace === workspace).map((c) => ({ severity: c.severity, message: c.message }));
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
  return {
    name: ws.name,
    ...(ws.namespace ? { namespace: ws.namespace } : {}),
    namespaceSelector: [...ws.namespaceSelector],
    settingsForm: api.form,
    ...(ws.setting ? { setting: { name: ws.setting.name, namespace: ws.setting.namespace, workloadSelector: { ...ws.setting.workloadSelector } } } : {}),
    exposure: exposureOf(ws),
    ...(gatewayNamespace ? { defaultGatewayNamespace: gatewayNamespace } : {}),
    managementCluster: snapshot.managementCluster,
    clusters: workspaceClusters(snapshot, workspaceClusterNames(snapshot, ws), scope),
    services,
    readiness: readinessOf(snapshot, name),
    ...(status ? { propagation: status.propagation.filter((p) => exposed.has(p.fqdn)).map((p) => ({ fqdn: p.fqdn, clusters: p.clusters })) } : {}),
    conditions: conditionsFor(snapshot, name, status),
  };
}

// Which services a workspace exposes (domain.md §3.1): those its WorkspaceSetting lists by FQDN, or every
// service of the workspace when the list is absent or empty. A service is identified by namespace *and*
// name, so `details` in `bookinfo` and `details` in `other` are different services that never match (§3.3).
// The east-west gateway's own Service is never a service of the workspace: exposing it would loop.
import { parseServiceFqdn, serviceFqdn, type ServiceRef } from "@/lib/names/fqdn";
import type { Condition } from "./conditions";
import type { ClusterInput, ServiceInput, WorkspaceInput } from "./input";
import { compareStrings } from "./json";
import { covers, type WorkspaceScope } from "./workspace-scope";

export type Instance = { cluster: ClusterInput; service: ServiceInput };

/** An exposed service and every cluster of the workspace that runs it (sorted by cluster name). */
export type ExposedService = { fqdn: string; namespace: string; name: string; instances: Instance[] };

function isGatewayService(cluster: ClusterInput, ref: ServiceRef): boolean {
  return cluster.gateways.some((g) => g.namespace === ref.namespace && g.name === ref.name);
}

/** Whether `cluster` runs a Service with this namespace and name, inside the workspace or not. */
export function runsService(cluster: ClusterInput, ref: ServiceRef): boolean {
  return cluster.services.some((s) => s.namespace === ref.namespace && s.name === ref.name);
}

/**
 * runsService with an index of `namespace/name` per (immutable) services array, for a caller that asks about
 * every exposed service in every cluster on each plan (the planner's service keys), which would otherwise be
 * quadratic in the number of services. The index lives as long as the returned function.
 */
export function createServiceIndex(): (cluster: ClusterInput, ref: ServiceRef) => boolean {
  const index = new WeakMap<readonly ServiceInput[], ReadonlySet<string>>();
  return (cluster, ref) => {
    let names = index.get(cluster.services);
    if (!names) index.set(cluster.services, (names = new Set(cluster.services.map((s) => `${s.namespace}/${s.name}`))));
    return names.has(`${ref.namespace}/${ref.name}`);
  };
}

/** Every non-gateway service in a covered namespace, grouped by FQDN. */
export function workspaceServices(scope: WorkspaceScope, clusters: readonly ClusterInput[]): Map<string, ExposedService> {
  const byFqdn = new Map<string, ExposedService>();
  const sorted = [...clusters].sort((a, b) => compareStrings(a.name, b.name));
  for (const cluster of sorted) {
    for (const service of cluster.services) {
      if (!covers(scope, cluster.name, service.namespace) || isGatewayService(cluster, service)) continue;
      const fqdn = serviceFqdn(service);
      const entry = byFqdn.get(fqdn) ?? { fqdn, namespace: service.namespace, name: service.name, instances: [] };
      entry.instances.push({ cluster, service });
      byFqdn.set(fqdn, entry);
    }
  }
  return byFqdn;
}

function missingReason(fqdn: string, ref: ServiceRef, clusters: readonly ClusterInput[], workspace: string): Condition {
  const base = { workspace, subject: fqdn };
  const holders = clusters.filter((c) => runsService(c, ref));
  if (holders.some((c) => isGatewayService(c, ref))) {
    const message = `${fqdn} is an east-west gateway's own Service; gateways are never exposed.`;
    return { ...base, severity: "warning", reason: "GatewayServiceExposed", message };
  }
  if (holders.length > 0) {
    const where = holders.map((c) => c.name).join(", ");
    const message = `${fqdn} exists (in ${where}) but its namespace is not covered by the workspace's namespaceSelector; add it or remove the entry.`;
    return { ...base, severity: "error", reason: "ExposedServiceOutsideWorkspace", message };
  }
  const message = `exposedServices names ${fqdn}, but no cluster runs that service; check the name and namespace.`;
  return { ...base, severity: "error", reason: "ExposedServiceNotFound", message };
}

function invalidEntry(fqdn: string, workspace: string): Condition {
  const message = `exposedServices entry "${fqdn}" is not a service FQDN <service>.<namespace>.svc.cluster.local; it is ignored.`;
  return { severity: "error", reason: "InvalidExposedService", workspace, subject: fqdn, message };
}

export function exposedServices(
  workspace: WorkspaceInput,
  scope: WorkspaceScope,
  clusters: readonly ClusterInput[],
): { services: ExposedService[]; conditions: Condition[] } {
  const all = workspaceServices(scope, clusters);
  const listed = workspace.setting?.exposedServices ?? [];
  const byFqdn = (a: ExposedService, b: ExposedService) => compareStrings(a.fqdn, b.fqdn);
  if (listed.length === 0) return { services: [...all.values()].sort(byFqdn), conditions: [] };
  const conditions: Condition[] = [];
  const chosen = new Map<string, ExposedService>();
  for (const fqdn of listed) {
    const found = all.get(fqdn);
    const ref = parseServiceFqdn(fqdn);
    if (found) chosen.set(fqdn, found);
    else if (!ref) conditions.push(invalidEntry(fqdn, workspace.name));
    else conditions.push(missingReason(fqdn, ref, clusters, workspace.name));
  }
  return { services: [...chosen.values()].sort(byFqdn), conditions };
}

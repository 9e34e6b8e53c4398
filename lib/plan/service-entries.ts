// ServiceEntries for remote consumers (domain.md §2, §3.2–3.3, §3.5): an exposed service appears in
// `xcp-multicluster` of every other cluster of the workspace that has no local instance, under its
// unchanged FQDN. Its endpoints are the east-west gateway addresses of every source cluster, each with the
// service ports mapped to 15443, where the gateway's AUTO_PASSTHROUGH listener routes by SNI.
import { serviceEntryName } from "@/lib/names/object-names";
import type { Condition } from "./conditions";
import { buildObject, type DesiredObject, type Hash } from "./desired";
import { runsService } from "./exposure";
import { EAST_WEST_PORT } from "./gateways";
import { meshPorts } from "./istio-protocol";
import type { Json, JsonObject } from "./json";
import { MULTICLUSTER_NAMESPACE, TLS_MODE_LABEL, type BuildResult } from "./placed";
import type { ModelService, Source, WorkspaceModel } from "./workspace-model";

type SePort = { number: number; name: string; protocol: string };

/** Ports of the first source (by cluster name); PortsDiffer already flags sources that disagree. */
export function serviceEntryPorts(svc: ModelService): SePort[] {
  const first = svc.sources[0];
  if (!first) return [];
  return meshPorts(first.service.ports).map((p) => ({
    number: p.port,
    name: p.name || `${p.istioProtocol.toLowerCase()}-${p.port}`,
    protocol: p.istioProtocol,
  }));
}

function endpoints(sources: Source[], ports: SePort[]): Json[] {
  const portMap = Object.fromEntries(ports.map((p) => [p.name, EAST_WEST_PORT]));
  return sources.flatMap((s) =>
    s.gateway.addresses.map((address) => ({
      address,
      ports: portMap,
      ...(s.cluster.network ? { network: s.cluster.network } : {}),
      ...(s.cluster.locality ? { locality: s.cluster.locality } : {}),
      labels: { [TLS_MODE_LABEL]: "istio" },
    })),
  );
}

export function serviceEntrySpec(svc: ModelService): JsonObject {
  const ports = serviceEntryPorts(svc);
  return {
    hosts: [svc.fqdn],
    location: "MESH_INTERNAL",
    resolution: "STATIC",
    exportTo: ["*"],
    ports,
    endpoints: endpoints(svc.sources, ports),
  };
}

/** A local Service of the same namespace/name wins even outside the workspace: a ServiceEntry would clash. */
function outsideWorkspace(model: WorkspaceModel, cluster: string, svc: ModelService): Condition {
  const message = `${svc.fqdn} runs in ${cluster} in a namespace the workspace does not cover; the local Service wins, so ${cluster} gets no ServiceEntry and no failover for it.`;
  return { severity: "info", reason: "LocalServiceOutsideWorkspace", workspace: model.name, cluster, subject: svc.fqdn, message };
}

function missingNamespace(workspace: string, cluster: string, fqdn: string): Condition {
  const message = `namespace ${MULTICLUSTER_NAMESPACE} does not exist in ${cluster}, so ${fqdn} cannot be published there; create it (XCP's edge installs it).`;
  return { severity: "error", reason: "MissingNamespace", workspace, cluster, subject: fqdn, message };
}

/** One service's ServiceEntries (the planner memoises per service; see planner.ts). */
export function serviceEntriesFor(model: WorkspaceModel, svc: ModelService, hash?: Hash): BuildResult {
  const result: BuildResult = { placed: [], conditions: [] };
  if (svc.sources.length === 0) return result;
  const covered = new Set(svc.instances.map((i) => i.cluster.name));
  const sourceClusters = svc.sources.map((s) => s.cluster.name);
  const provenance = { workspaces: [model.name], settings: [model.settingRef], sourceClusters, services: [svc.fqdn] };
  let object: DesiredObject | undefined;
  for (const cluster of model.clusters) {
    if (runsService(cluster, svc)) {
      if (!covered.has(cluster.name)) result.conditions.push(outsideWorkspace(model, cluster.name, svc));
    } else if (!cluster.namespaces.includes(MULTICLUSTER_NAMESPACE)) {
      result.conditions.push(missingNamespace(model.name, cluster.name, svc.fqdn));
    } else {
      // Every consumer cluster gets the same content: build (and hash) it once and share the (immutable) object.
      object ??= buildObject({ kind: "ServiceEntry", name: serviceEntryName(svc.fqdn), namespace: MULTICLUSTER_NAMESPACE, provenance, spec: serviceEntrySpec(svc) }, hash);
      result.placed.push({ cluster: cluster.name, object });
    }
  }
  return result;
}

export function serviceEntries(model: WorkspaceModel): BuildResult {
  const parts = model.services.map((svc) => serviceEntriesFor(model, svc));
  return { placed: parts.flatMap((p) => p.placed), conditions: parts.flatMap((p) => p.conditions) };
}

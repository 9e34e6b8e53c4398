// Per-cluster figures for the fleet overview, computed from a snapshot. Pure and cheap (linear in the
// cluster's objects), so the server can recompute them on every coalesced change.
import { serviceFqdn } from "@/lib/names/fqdn";
import { chunksOf } from "@/lib/registry/snapshot-lists";
import type { CachedObject, ClusterSnapshot, ObjectMap } from "./snapshot-types";
import { workspaceCovers, type WorkspaceDef } from "./workspaces";

export const MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
export const CONSOLE_MANAGER = "eastwest-console";
/** XCP's shadow WorkloadEntry spelling: `k-<service>-<32 hex>`, then `-2`, `-3` … */
const SHADOW_NAME = /^k-[a-z0-9]([-a-z0-9]*[a-z0-9])?-[0-9a-f]{32}(-[0-9]+)?$/;

export type ClusterCounts = {
  gateways: number;
  exposedServices: number;
  serviceEntries: number;
  shadowWorkloadEntries: number;
  services: number;
  namespaces: number;
  pods: number;
  deployments: number;
  /** Every cached object of the cluster, all kinds. */
  objects: number;
};

export type ClusterSummary = { counts: ClusterCounts; workspaces: string[] };

/** A WorkloadEntry the console (or XCP) generated for failover, not one a user wrote. */
export function isShadowWorkloadEntry(entry: CachedObject): boolean {
  return entry.metadata.labels?.[MANAGED_BY_LABEL] === CONSOLE_MANAGER || SHADOW_NAME.test(entry.metadata.name);
}

/** Namespace/name of every IngressGateway: its installer names the gateway's own Service the same. */
function gatewayKeys(cluster: ClusterSnapshot): Set<string> {
  return new Set([...cluster.objects.IngressGateway.keys()]);
}

/**
 * Services of this cluster that some workspace exposes: in a namespace the workspace covers
 * and, when its setting lists FQDNs, listed. A gateway's own Service is never exposed.
 */
export function exposedServiceCount(cluster: ClusterSnapshot, workspaces: readonly WorkspaceDef[]): number {
  const gateways = gatewayKeys(cluster);
  const listed = workspaces.map((ws) => new Set(ws.exposedServices));
  let count = 0;
  for (const [key, service] of cluster.objects.Service) {
    const namespace = service.metadata.namespace ?? "";
    if (gateways.has(key)) continue;
    const fqdn = serviceFqdn({ namespace, name: service.metadata.name });
    const exposed = workspaces.some(
      (ws, i) => workspaceCovers(ws, cluster.name, namespace) && (ws.exposedServices.length === 0 || listed[i]?.has(fqdn) === true),
    );
    if (exposed) count += 1;
  }
  return count;
}

/** The workspaces that cover at least one existing namespace of the cluster. */
export function workspacesOfCluster(cluster: ClusterSnapshot, workspaces: readonly WorkspaceDef[]): string[] {
  const namespaces = [...cluster.objects.Namespace.values()].map((ns) => ns.metadata.name);
  return workspaces.filter((ws) => namespaces.some((ns) => workspaceCovers(ws, cluster.name, ns))).map((ws) => ws.name);
}

/**
 * What a summary was computed from, so the next one can reuse the parts whose inputs are the same maps: the
 * fleet cache hands out the same map for an unchanged kind, and a cluster's snapshot is rebuilt for every probe
 * (its latency), so recounting every cluster's WorkloadEntries and Services per probe round would be work that
 * scales with the fleet, not with what changed.
 */
export type SummaryBasis = {
  workspaces: readonly WorkspaceDef[];
  maps: { WorkloadEntry: ObjectMap; Service: ObjectMap; IngressGateway: ObjectMap; Namespace: ObjectMap };
  summary: ClusterSummary;
  /** Shadow WorkloadEntries per chunk, for the next summary of the cluster. */
  shadowChunks: ShadowChunks;
};

/** Shadow WorkloadEntries per chunk of the fleet cache's map, keyed by the chunk's `live` list (snapshot-lists.ts). */
type ShadowChunks = ReadonlyMap<readonly CachedObject[], number>;

const countShadows = (entries: Iterable<CachedObject>) => {
  let shadows = 0;
  for (const entry of entries) if (isShadowWorkloadEntry(entry)) shadows += 1;
  return shadows;
};

/**
 * The cluster's shadow WorkloadEntries, counting again only the chunks that changed since `previous`: a chunk keeps
 * its `live` list while none of its objects changed. While the registry writes ~19,000 of them into a cluster,
 * recounting all on every snapshot of it was half the event loop at 20 × 500. A plain Map is counted whole.
 */
function shadowCount(cluster: ClusterSnapshot, previous: ShadowChunks | undefined): { total: number; chunks: ShadowChunks } {
  const chunks = chunksOf(cluster, "WorkloadEntry");
  if (!chunks) return { total: countShadows(cluster.objects.WorkloadEntry.values()), chunks: new Map() };
  const counts = new Map<readonly CachedObject[], number>();
  let total = 0;
  for (const { live } of chunks) {
    const n = previous?.get(live) ?? countShadows(live);
    counts.set(live, n);
    total += n;
  }
  return { total, chunks: counts };
}

/** `previous`: the same cluster's last basis (same workspace definitions, or it is not reused). */
export function summarizeCluster(cluster: ClusterSnapshot, workspaces: readonly WorkspaceDef[], previous?: SummaryBasis): SummaryBasis {
  const o = cluster.objects;
  const maps = { WorkloadEntry: o.WorkloadEntry, Service: o.Service, IngressGateway: o.IngressGateway, Namespace: o.Namespace };
  const last = previous?.workspaces === workspaces ? previous : undefined;
  const same = (...kinds: (keyof SummaryBasis["maps"])[]) => last !== undefined && kinds.every((k) => last.maps[k] === maps[k]);
  const objects = Object.values(o).reduce((sum, map) => sum + map.size, 0);
  // Shadow counts depend on the objects only, not on the workspaces: any previous basis of the cluster serves.
  const shadows = previous && previous.maps.WorkloadEntry === maps.WorkloadEntry ? { total: previous.summary.counts.shadowWorkloadEntries, chunks: previous.shadowChunks } : shadowCount(cluster, previous?.shadowChunks);
  const counts: ClusterCounts = {
    gateways: o.IngressGateway.size,
    exposedServices: last && same("Service", "IngressGateway") ? last.summary.counts.exposedServices : exposedServiceCount(cluster, workspaces),
    serviceEntries: o.ServiceEntry.size,
    shadowWorkloadEntries: shadows.total,
    services: o.Service.size,
    namespaces: o.Namespace.size,
    pods: o.Pod.size,
    deployments: o.Deployment.size,
    objects,
  };
  const covered = last && same("Namespace") ? last.summary.workspaces : workspacesOfCluster(cluster, workspaces);
  return { workspaces, maps, summary: { counts, workspaces: covered }, shadowChunks: shadows.chunks };
}

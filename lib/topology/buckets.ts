// The leaf links merged once per full graph at the levels a request can show, so a request never walks links it
// does not draw. A bucket is every edge between one namespace and one gateway, merged group to group:
//   failover  namespace (of the sources) → remote gateway     kept by source cluster and by target cluster;
//   ingress   gateway → namespace (of the services it leads to) kept by cluster.
// `collapsed` is every failover bucket merged cluster to cluster (both collapsed; ingress, inside one cluster, is
// then a self-loop and dropped). Merging counts with integer keys and no strings: ~400,000 links at 20 × 1,000.
import { drain, type Steps } from "@/lib/steps";
import { MAX_EDGE_FQDNS, createEdgeSink } from "./edge-merge";
import type { NamespaceGroup } from "./groups";
import { clusterNodeId, edgeId } from "./ids";
import type { LeafLinks } from "./leaf-edges";
import type { GatewayNode, ServiceNode } from "./leaves";
import { worseStatus } from "./severity";
import type { TopologyEdge } from "./types";

export type Bucket = { namespace: NamespaceGroup; gateway: GatewayNode; edge: TopologyEdge };

export type EdgeIndex = {
  collapsed: readonly TopologyEdge[];
  out: ReadonlyMap<string, readonly Bucket[]>;
  in: ReadonlyMap<string, readonly Bucket[]>;
  ingress: ReadonlyMap<string, readonly Bucket[]>;
};

type Acc = { namespace: NamespaceGroup; gateway: GatewayNode; edge: TopologyEdge };

function accumulate(accs: Map<number, Acc>, key: number, make: () => Acc, status: TopologyEdge["status"], fqdn: string): void {
  let acc = accs.get(key);
  if (!acc) accs.set(key, (acc = make()));
  const e = acc.edge;
  e.count += 1;
  e.status = e.count === 1 ? status : worseStatus(e.status, status);
  e.statusCounts[status] = (e.statusCounts[status] ?? 0) + 1;
  if (e.fqdns.length < MAX_EDGE_FQDNS && e.fqdns[e.fqdns.length - 1] !== fqdn) e.fqdns.push(fqdn);
}

const blank = (kind: TopologyEdge["kind"], source: string, target: string, sourceCluster: string, targetCluster: string): TopologyEdge => ({
  id: edgeId(kind, source, target),
  kind,
  source,
  target,
  count: 0,
  status: "standby",
  statusCounts: {},
  sourceCluster,
  targetCluster,
  fqdns: [],
});

function push(map: Map<string, Bucket[]>, key: string, bucket: Bucket): void {
  const list = map.get(key);
  if (list) list.push(bucket);
  else map.set(key, [bucket]);
}

/** `namespaces`: every namespace group, each listing the indexes of its services in `services` (edgeIndexSteps drained). */
export function edgeIndex(services: readonly ServiceNode[], links: LeafLinks, gateways: readonly GatewayNode[], namespaces: readonly NamespaceGroup[]): EdgeIndex {
  return drain(edgeIndexSteps(services, links, gateways, namespaces));
}

/** Services whose links are merged between two pauses of edgeIndexSteps. */
const STEP_SERVICES = 256;

/** edgeIndex in steps: it pauses every STEP_SERVICES services (400,000 links at 20 × 1,000). */
export function* edgeIndexSteps(services: readonly ServiceNode[], links: LeafLinks, gateways: readonly GatewayNode[], namespaces: readonly NamespaceGroup[]): Steps<EdgeIndex> {
  const G = gateways.length;
  const failover = new Map<number, Acc>();
  const ingress = new Map<number, Acc>();
  let merged = 0;
  for (let n = 0; n < namespaces.length; n++) {
    const ns = namespaces[n] as NamespaceGroup;
    for (const i of ns.leaves) {
      if (++merged % STEP_SERVICES === 0) yield;
      const fqdn = (services[i] as ServiceNode).fqdn;
      for (const l of links.failover[i] ?? []) {
        const gw = gateways[l.gateway] as GatewayNode;
        accumulate(failover, n * G + l.gateway, () => ({ namespace: ns, gateway: gw, edge: blank("failover", ns.collapsed.id, gw.id, ns.collapsed.cluster, gw.cluster) }), l.status, fqdn);
      }
      for (const l of links.ingress[i] ?? []) {
        const gw = gateways[l.gateway] as GatewayNode;
        accumulate(ingress, l.gateway * namespaces.length + n, () => ({ namespace: ns, gateway: gw, edge: blank("ingress", gw.id, ns.collapsed.id, gw.cluster, gw.cluster) }), l.status, fqdn);
      }
    }
  }
  const out = new Map<string, Bucket[]>();
  const into = new Map<string, Bucket[]>();
  const sink = createEdgeSink();
  for (const b of failover.values()) {
    push(out, b.edge.sourceCluster, b);
    push(into, b.edge.targetCluster, b);
    sink.put("failover", clusterNodeId(b.edge.sourceCluster), clusterNodeId(b.edge.targetCluster), b.edge);
  }
  const byCluster = new Map<string, Bucket[]>();
  for (const b of ingress.values()) push(byCluster, b.edge.sourceCluster, b);
  return { collapsed: sink.edges(), out, in: into, ingress: byCluster };
}

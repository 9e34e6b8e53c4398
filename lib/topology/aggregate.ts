// What a request sees of a full topology: clusters collapsed unless their id is in `expanded` (then their gateways
// and namespaces), namespaces collapsed unless theirs is too (then their services), and every edge lifted to the
// nearest visible node of each end, merged, self-loops dropped. The work is proportional to what is visible:
// collapsed clusters hand over their precomputed cluster-to-cluster edges, an expanded cluster its namespace ↔
// gateway buckets (buckets.ts), and only an expanded namespace walks its own services' links.
import type { EdgeSink } from "./edge-merge";
import { createEdgeSink } from "./edge-merge";
import type { FullTopology } from "./full-graph";
import type { NamespaceGroup } from "./groups";
import { clusterNodeId } from "./ids";
import type { TopologyEdge, TopologyNode } from "./types";

export type Visible = { nodes: TopologyNode[]; edges: TopologyEdge[] };

type Expansion = { clusters: Set<string>; namespaces: Map<string, NamespaceGroup> };

/** The expanded ids that name a cluster of the graph, and the namespaces of those clusters. */
function expansion(full: FullTopology, expanded: readonly string[]): Expansion {
  const wanted = new Set(expanded);
  const clusters = new Set<string>();
  const namespaces = new Map<string, NamespaceGroup>();
  for (const id of wanted) {
    const group = full.clusterById.get(id);
    if (!group) continue;
    clusters.add(group.collapsed.cluster);
    for (const ns of group.namespaces) if (wanted.has(ns.collapsed.id)) namespaces.set(ns.collapsed.id, ns);
  }
  return { clusters, namespaces };
}

function visibleNodes(full: FullTopology, { clusters, namespaces }: Expansion): TopologyNode[] {
  const nodes: TopologyNode[] = [];
  for (const group of full.clusters) {
    if (!clusters.has(group.collapsed.cluster)) {
      nodes.push(group.collapsed);
      continue;
    }
    nodes.push(group.expanded, ...group.gateways);
    for (const ns of group.namespaces) {
      if (namespaces.has(ns.collapsed.id)) nodes.push(ns.expanded, ...ns.services);
      else nodes.push(ns.collapsed);
    }
  }
  return nodes;
}

/** An edge whose ends are `source` → `target`: the precomputed one itself when those are its ends. */
function lifted(sink: EdgeSink, edge: TopologyEdge, source: string, target: string): void {
  if (edge.source === source && edge.target === target) sink.putEdge(edge);
  else sink.put(edge.kind, source, target, edge);
}

/** The buckets of an expanded cluster whose namespace is collapsed, with the other end lifted. */
function clusterBuckets(sink: EdgeSink, full: FullTopology, cluster: string, { clusters, namespaces }: Expansion): void {
  const visible = (id: string, of: string) => (clusters.has(of) ? id : clusterNodeId(of));
  for (const b of full.edges.out.get(cluster) ?? []) {
    if (!namespaces.has(b.namespace.collapsed.id)) lifted(sink, b.edge, b.namespace.collapsed.id, visible(b.gateway.id, b.gateway.cluster));
  }
  for (const b of full.edges.in.get(cluster) ?? []) {
    // From an expanded cluster, the bucket was taken from that cluster's side.
    if (!clusters.has(b.namespace.collapsed.cluster)) lifted(sink, b.edge, clusterNodeId(b.namespace.collapsed.cluster), b.gateway.id);
  }
  for (const b of full.edges.ingress.get(cluster) ?? []) {
    if (!namespaces.has(b.namespace.collapsed.id)) sink.putEdge(b.edge);
  }
}

/** An expanded namespace: each of its services' own edges, the remote end lifted. */
function namespaceLinks(sink: EdgeSink, full: FullTopology, ns: NamespaceGroup, { clusters }: Expansion): void {
  for (const i of ns.leaves) {
    const svc = full.services[i];
    if (!svc) continue;
    for (const link of full.links.failover[i] ?? []) {
      const gw = full.gateways[link.gateway];
      if (!gw) continue;
      const target = clusters.has(gw.cluster) ? gw.id : clusterNodeId(gw.cluster);
      sink.putLink("failover", svc.id, target, { status: link.status, fqdn: svc.fqdn, sourceCluster: svc.cluster, targetCluster: gw.cluster });
    }
    for (const link of full.links.ingress[i] ?? []) {
      const gw = full.gateways[link.gateway];
      if (gw) sink.putLink("ingress", gw.id, svc.id, { status: link.status, fqdn: svc.fqdn, sourceCluster: gw.cluster, targetCluster: svc.cluster });
    }
  }
}

export function aggregate(full: FullTopology, expanded: readonly string[]): Visible {
  const open = expansion(full, expanded);
  const sink = createEdgeSink();
  for (const e of full.edges.collapsed) if (!open.clusters.has(e.sourceCluster) && !open.clusters.has(e.targetCluster)) sink.putEdge(e);
  for (const cluster of open.clusters) clusterBuckets(sink, full, cluster, open);
  for (const ns of open.namespaces.values()) namespaceLinks(sink, full, ns, open);
  return { nodes: visibleNodes(full, open), edges: sink.edges() };
}

// What a request sees of a full topology: clusters collapsed unless their id is in `expanded` (then their gateways
// and namespaces), namespaces collapsed unless theirs is too (then their services), and every edge lifted to the
// nearest visible node of each end, merged, self-loops dropped. The work is proportional to what is visible: a
// pair of collapsed clusters hands over its precomputed cluster-level edges, an expanded cluster's buckets their
// precomputed group-level edges, and only an expanded namespace's buckets walk their leaf edges (pairs.ts).
import { clusterNodeId } from "./ids";
import { createEdgeSink } from "./edge-merge";
import type { FullTopology } from "./full-graph";
import type { EdgeBucket } from "./pairs";
import type { TopologyEdge, TopologyNode } from "./types";

export type Visible = { nodes: TopologyNode[]; edges: TopologyEdge[] };

/** The expanded ids that name a cluster of the graph, and the namespaces of those clusters. */
function expansion(full: FullTopology, expanded: readonly string[]): { clusters: Set<string>; namespaces: Set<string> } {
  const wanted = new Set(expanded);
  const clusters = new Set<string>();
  const namespaces = new Set<string>();
  for (const id of wanted) {
    const group = full.clusterById.get(id);
    if (!group) continue;
    clusters.add(group.collapsed.cluster);
    for (const ns of group.namespaces) if (wanted.has(ns.collapsed.id)) namespaces.add(ns.collapsed.id);
  }
  return { clusters, namespaces };
}

function visibleNodes(full: FullTopology, clusters: ReadonlySet<string>, namespaces: ReadonlySet<string>): TopologyNode[] {
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

/** The visible node a leaf end shows as: its cluster, its group (namespace or gateway), or itself. */
function lift(id: string, mid: string, cluster: string, clusters: ReadonlySet<string>, namespaces: ReadonlySet<string>): string {
  if (!clusters.has(cluster)) return clusterNodeId(cluster);
  return namespaces.has(mid) ? id : mid;
}

export function aggregate(full: FullTopology, expanded: readonly string[]): Visible {
  const { clusters, namespaces } = expansion(full, expanded);
  const sink = createEdgeSink();
  for (const pair of full.pairs) {
    const sourceOpen = clusters.has(pair.sourceCluster);
    const targetOpen = clusters.has(pair.targetCluster);
    if (!sourceOpen && !targetOpen) {
      for (const e of pair.collapsed) sink.putEdge(e);
      continue;
    }
    const source = sourceOpen ? undefined : clusterNodeId(pair.sourceCluster);
    const target = targetOpen ? undefined : clusterNodeId(pair.targetCluster);
    for (const bucket of pair.buckets) liftBucket(sink, bucket, source, target, clusters, namespaces);
  }
  return { nodes: visibleNodes(full, clusters, namespaces), edges: sink.edges() };
}

/** One bucket: group to group when neither of its namespaces is expanded, else edge by edge. */
function liftBucket(sink: ReturnType<typeof createEdgeSink>, bucket: EdgeBucket, source: string | undefined, target: string | undefined, clusters: ReadonlySet<string>, namespaces: ReadonlySet<string>): void {
  const open = (source === undefined && namespaces.has(bucket.sourceMid)) || (target === undefined && namespaces.has(bucket.targetMid));
  if (!open) {
    for (const e of bucket.merged) {
      const from = source ?? bucket.sourceMid;
      const to = target ?? bucket.targetMid;
      if (from === e.source && to === e.target) sink.putEdge(e);
      else sink.put(e.kind, from, to, e);
    }
    return;
  }
  for (const leaf of bucket.leaves) {
    sink.putLeaf(lift(leaf.source, leaf.sourceMid, leaf.sourceCluster, clusters, namespaces), lift(leaf.target, leaf.targetMid, leaf.targetCluster, clusters, namespaces), leaf);
  }
}

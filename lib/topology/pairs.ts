// The leaf edges lifted once per full graph, at the levels a request can ask for, so a request never walks the
// leaves it does not show. Edges are grouped by (source cluster, target cluster) — a pair — and inside a pair by
// (source group, target group) — a bucket, where a service's group is its namespace and a gateway is its own group:
//   pair.collapsed   the pair's edges merged cluster to cluster (both clusters collapsed; none inside one cluster);
//   bucket.merged    the bucket's edges merged group to group (cluster expanded, namespace collapsed);
//   bucket.leaves    the edges themselves (a namespace expanded).
import { clusterNodeId } from "./ids";
import { createEdgeSink } from "./edge-merge";
import type { LeafEdge } from "./leaf-edges";
import type { TopologyEdge } from "./types";

export type EdgeBucket = { sourceMid: string; targetMid: string; merged: readonly TopologyEdge[]; leaves: readonly LeafEdge[] };
export type ClusterPair = { sourceCluster: string; targetCluster: string; collapsed: readonly TopologyEdge[]; buckets: readonly EdgeBucket[] };

function mergedBucket(leaves: readonly LeafEdge[]): EdgeBucket {
  const first = leaves[0] as LeafEdge;
  const sink = createEdgeSink();
  for (const leaf of leaves) sink.putLeaf(leaf.sourceMid, leaf.targetMid, leaf);
  return { sourceMid: first.sourceMid, targetMid: first.targetMid, merged: sink.edges(), leaves };
}

function pairOf(buckets: readonly EdgeBucket[], sourceCluster: string, targetCluster: string): ClusterPair {
  const sink = createEdgeSink();
  const source = clusterNodeId(sourceCluster);
  const target = clusterNodeId(targetCluster);
  for (const b of buckets) for (const e of b.merged) sink.put(e.kind, source, target, e);
  return { sourceCluster, targetCluster, collapsed: sink.edges(), buckets };
}

/** Every pair with at least one edge, in the order their first edge came. */
export function clusterPairs(edges: readonly LeafEdge[]): ClusterPair[] {
  const pairs = new Map<string, { source: string; target: string; buckets: Map<string, LeafEdge[]> }>();
  for (const e of edges) {
    const pairKey = `${e.sourceCluster}\u0000${e.targetCluster}`;
    let pair = pairs.get(pairKey);
    if (!pair) pairs.set(pairKey, (pair = { source: e.sourceCluster, target: e.targetCluster, buckets: new Map() }));
    const bucketKey = `${e.sourceMid}\u0000${e.targetMid}`;
    const bucket = pair.buckets.get(bucketKey);
    if (bucket) bucket.push(e);
    else pair.buckets.set(bucketKey, [e]);
  }
  return [...pairs.values()].map((p) => pairOf([...p.buckets.values()].map(mergedBucket), p.source, p.target));
}

// The whole topology of a scope (a workspace, or the fleet), computed once per fleet model state (the server
// memoizes it) and read by every request: the groups with their counts, the edges lifted per level (pairs.ts), the
// table's sorted rows (rows.ts), and a version that changes only when something drawn or listed changes.
import { createDigest } from "./digest";
import { clusterGroups, type ClusterGroup } from "./groups";
import { leafEdges, type LeafEdge } from "./leaf-edges";
import { gatewayLeaves, serviceLeaves, type GatewayNode, type ServiceLeaf } from "./leaves";
import { clusterPairs, type ClusterPair } from "./pairs";
import { rowIndex, type RowIndex } from "./rows";
import { addCounts } from "./severity";
import type { TopologyCluster, TopologySource } from "./source";
import type { StateCounts, TopologyGraph } from "./types";

export type FullTopology = {
  workspace?: string;
  computedAt: string;
  version: string;
  counts: StateCounts;
  empty?: TopologyGraph["empty"];
  clusters: readonly ClusterGroup[];
  /** Cluster node id → its group; namespace node ids of every cluster (to read `expanded`). */
  clusterById: ReadonlyMap<string, ClusterGroup>;
  pairs: readonly ClusterPair[];
  rows: RowIndex;
  /** How many leaf edges it holds (diagnostics, the benchmark). */
  leafEdges: number;
};

/** Clusters to draw: the source's, plus any a workspace's facts name that it left out. */
function clustersOf(source: TopologySource): TopologyCluster[] {
  const byName = new Map(source.clusters.map((c) => [c.name, c]));
  for (const ws of source.workspaces) {
    for (const c of ws.input.clusters) {
      if (!byName.has(c.name)) byName.set(c.name, { name: c.name, stale: c.stale, ...(c.staleSince ? { staleSince: c.staleSince } : {}), ...(c.locality ? { locality: c.locality } : {}) });
    }
  }
  return [...byName.values()];
}

function emptyOf(source: TopologySource, clusters: readonly TopologyCluster[], services: number): TopologyGraph["empty"] {
  if (clusters.length === 0) return "no-clusters";
  if (source.workspace === undefined && source.workspaces.length === 0) return "no-workspaces";
  return services === 0 ? "no-services" : undefined;
}

/** The digest of everything drawn or listed: clusters, gateways, services (state and sentence) and leaf edges. */
function versionOf(groups: readonly ClusterGroup[], leaves: readonly ServiceLeaf[], edges: readonly LeafEdge[]): string {
  const d = createDigest();
  for (const g of groups) {
    const c = g.collapsed;
    d.add(`${c.id} ${c.stale} ${c.staleSince ?? ""} ${c.locality ?? ""}`);
    for (const gw of g.gateways) d.add(`${gw.id} ${gw.readyPods} ${gw.addresses.join(",")}`);
  }
  // The sentence names the clusters and gateways of the row's targets and remotes (lib/failover/words.ts).
  for (const { node } of leaves) d.add(`${node.id} ${node.state} ${node.reason ?? ""} ${node.sentence}`);
  for (const e of edges) d.add(`${e.kind}${e.source}>${e.target}${e.status}`);
  return d.value();
}

export function fullTopology(source: TopologySource): FullTopology {
  const leaves = serviceLeaves(source.workspaces);
  const gateways: GatewayNode[] = gatewayLeaves(source.workspaces);
  const clusters = clustersOf(source);
  const groups = clusterGroups(clusters, gateways, leaves.map((l) => l.node));
  const drawn = new Set(groups.map((g) => g.collapsed.cluster));
  const shown = leaves.filter((l) => drawn.has(l.node.cluster));
  const edges = leafEdges(shown, new Set(gateways.filter((g) => drawn.has(g.cluster)).map((g) => g.id)), new Set(shown.map((l) => l.node.id)));
  const counts: StateCounts = {};
  for (const g of groups) addCounts(counts, g.counts);
  const empty = emptyOf(source, clusters, shown.length);
  return {
    ...(source.workspace !== undefined ? { workspace: source.workspace } : {}),
    computedAt: source.computedAt,
    version: versionOf(groups, shown, edges),
    counts,
    ...(empty ? { empty } : {}),
    clusters: groups,
    clusterById: new Map(groups.map((g) => [g.collapsed.id, g])),
    pairs: clusterPairs(edges),
    rows: rowIndex(shown),
    leafEdges: edges.length,
  };
}

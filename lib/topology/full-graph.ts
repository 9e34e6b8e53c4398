// The whole topology of a scope (a workspace, or the fleet), computed once per fleet model state (the server
// memoizes it) and read by every request: the groups with their counts, the edges merged per level (buckets.ts)
// over links kept per service (leaf-edges.ts), the table's sorted rows (rows.ts), and a version that changes only
// when something drawn or listed changes.
import { drain, type Steps } from "@/lib/steps";
import { edgeIndexSteps, type EdgeIndex } from "./buckets";
import { createDigest } from "./digest";
import { clusterGroups, type ClusterGroup } from "./groups";
import { leafLinksSteps, type LeafLinks } from "./leaf-edges";
import { gatewayLeaves, serviceLeaves, type GatewayNode, type ServiceLeaf, type ServiceNode } from "./leaves";
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
  /** Cluster node id → its group. */
  clusterById: ReadonlyMap<string, ClusterGroup>;
  /** Every service node; namespace groups list indexes into it, and `links` is in its order. */
  services: readonly ServiceNode[];
  gateways: readonly GatewayNode[];
  links: LeafLinks;
  edges: EdgeIndex;
  rows: RowIndex;
  /** How many leaf edges it stands for (diagnostics, the benchmark). */
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

/**
 * The digest of everything drawn or listed: clusters, gateways, services (state and sentence) and their broken
 * links. The other links need no digest of their own: a working route's cluster and gateway are in the sentence
 * (lib/failover/words.ts) and its status follows from the state; ingress links follow from the failover links. A
 * broken link's gateway comes from the dialled addresses, which the sentence does not name.
 */
function versionOf(groups: readonly ClusterGroup[], leaves: readonly ServiceLeaf[], links: LeafLinks): string {
  const d = createDigest();
  for (const g of groups) {
    const c = g.collapsed;
    d.add(`${c.id} ${c.stale} ${c.staleSince ?? ""} ${c.locality ?? ""}`);
    for (const gw of g.gateways) d.add(`${gw.id} ${gw.readyPods} ${gw.addresses.join(",")}`);
  }
  leaves.forEach(({ node }, i) => {
    d.add(`${node.id} ${node.state} ${node.reason ?? ""} ${node.sentence}`);
    for (const l of links.failover[i] ?? []) if (l.status === "broken") d.addNumber(l.gateway);
  });
  return d.value();
}

export function fullTopology(source: TopologySource): FullTopology {
  return drain(fullTopologySteps(source));
}

/** fullTopology in steps (lib/steps.ts): the server builds a 20 × 1,000 fleet's (~1 s of CPU) in slices. */
export function* fullTopologySteps(source: TopologySource): Steps<FullTopology> {
  const clusters = clustersOf(source);
  const drawn = new Set(clusters.map((c) => c.name));
  const leaves = serviceLeaves(source.workspaces).filter((l) => drawn.has(l.node.cluster));
  yield;
  const gateways = gatewayLeaves(source.workspaces).filter((g) => drawn.has(g.cluster));
  const services = leaves.map((l) => l.node);
  const groups = clusterGroups(clusters, gateways, services);
  yield;
  const links = yield* leafLinksSteps(leaves, gateways);
  const counts: StateCounts = {};
  for (const g of groups) addCounts(counts, g.counts);
  const empty = emptyOf(source, clusters, leaves.length);
  const leafEdges = links.failover.reduce((n, l) => n + l.length, 0) + links.ingress.reduce((n, l) => n + l.length, 0);
  const version = versionOf(groups, leaves, links);
  yield;
  const edges = yield* edgeIndexSteps(services, links, gateways, groups.flatMap((g) => g.namespaces));
  const rows = rowIndex(leaves);
  return {
    ...(source.workspace !== undefined ? { workspace: source.workspace } : {}),
    computedAt: source.computedAt,
    version,
    counts,
    ...(empty ? { empty } : {}),
    clusters: groups,
    clusterById: new Map(groups.map((g) => [g.collapsed.id, g])),
    services,
    gateways,
    links,
    edges,
    rows,
    leafEdges,
  };
}

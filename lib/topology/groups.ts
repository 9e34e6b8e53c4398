// The groups of the graph, each node built once per full graph in both its collapsed and its expanded form (the
// request only picks one): clusters, and inside each its gateways and its namespaces, and inside each namespace its
// services. Each group carries how many of its services are in each failover state and the worst of them, so a
// collapsed group says "12 At risk" without anyone walking its services again.
import { clusterNodeId, namespaceNodeId } from "./ids";
import type { GatewayNode, ServiceNode } from "./leaves";
import { addCounts, worstOf } from "./severity";
import type { TopologyCluster } from "./source";
import type { StateCounts, TopologyNode } from "./types";

export type ClusterNode = Extract<TopologyNode, { kind: "cluster" }>;
export type NamespaceNode = Extract<TopologyNode, { kind: "namespace" }>;

export type NamespaceGroup = { collapsed: NamespaceNode; expanded: NamespaceNode; services: readonly ServiceNode[] };
export type ClusterGroup = { collapsed: ClusterNode; expanded: ClusterNode; gateways: readonly GatewayNode[]; namespaces: readonly NamespaceGroup[]; counts: StateCounts };

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function countsOf(services: readonly ServiceNode[]): StateCounts {
  const counts: StateCounts = {};
  for (const s of services) counts[s.state] = (counts[s.state] ?? 0) + 1;
  return counts;
}

function namespaceGroup(cluster: string, namespace: string, services: readonly ServiceNode[]): NamespaceGroup {
  const counts = countsOf(services);
  const worst = worstOf(counts);
  const collapsed: NamespaceNode = {
    id: namespaceNodeId(cluster, namespace),
    kind: "namespace",
    label: namespace,
    cluster,
    parent: clusterNodeId(cluster),
    namespace,
    expanded: false,
    counts,
    ...(worst ? { worst } : {}),
    services: services.length,
  };
  return { collapsed, expanded: { ...collapsed, expanded: true }, services };
}

function clusterGroup(cluster: TopologyCluster, gateways: readonly GatewayNode[], services: readonly ServiceNode[]): ClusterGroup {
  const byNamespace = new Map<string, ServiceNode[]>();
  for (const s of services) {
    const list = byNamespace.get(s.namespace);
    if (list) list.push(s);
    else byNamespace.set(s.namespace, [s]);
  }
  const namespaces = [...byNamespace].sort(([a], [b]) => cmp(a, b)).map(([ns, list]) => namespaceGroup(cluster.name, ns, list));
  const counts: StateCounts = {};
  for (const ns of namespaces) addCounts(counts, ns.collapsed.counts);
  const worst = worstOf(counts);
  const collapsed: ClusterNode = {
    id: clusterNodeId(cluster.name),
    kind: "cluster",
    label: cluster.name,
    cluster: cluster.name,
    stale: cluster.stale,
    ...(cluster.staleSince ? { staleSince: cluster.staleSince } : {}),
    ...(cluster.locality ? { locality: cluster.locality } : {}),
    expanded: false,
    counts,
    ...(worst ? { worst } : {}),
    services: services.length,
    gateways: gateways.length,
  };
  return { collapsed, expanded: { ...collapsed, expanded: true }, gateways, namespaces, counts };
}

/** One group per cluster, by name; services and gateways of a cluster not listed are left out. */
export function clusterGroups(clusters: readonly TopologyCluster[], gateways: readonly GatewayNode[], services: readonly ServiceNode[]): ClusterGroup[] {
  const gatewaysOf = new Map<string, GatewayNode[]>();
  for (const g of gateways) gatewaysOf.set(g.cluster, [...(gatewaysOf.get(g.cluster) ?? []), g]);
  const servicesOf = new Map<string, ServiceNode[]>();
  for (const s of services) {
    const list = servicesOf.get(s.cluster);
    if (list) list.push(s);
    else servicesOf.set(s.cluster, [s]);
  }
  return [...clusters].sort((a, b) => cmp(a.name, b.name)).map((c) => clusterGroup(c, gatewaysOf.get(c.name) ?? [], servicesOf.get(c.name) ?? []));
}

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

/** `leaves`: the indexes of its services in the list the groups were built from (to find their links). */
export type NamespaceGroup = { collapsed: NamespaceNode; expanded: NamespaceNode; services: readonly ServiceNode[]; leaves: readonly number[] };
export type ClusterGroup = { collapsed: ClusterNode; expanded: ClusterNode; gateways: readonly GatewayNode[]; namespaces: readonly NamespaceGroup[]; counts: StateCounts };

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function countsOf(services: readonly ServiceNode[]): StateCounts {
  const counts: StateCounts = {};
  for (const s of services) counts[s.state] = (counts[s.state] ?? 0) + 1;
  return counts;
}

function namespaceGroup(cluster: string, namespace: string, members: ReadonlyArray<[ServiceNode, number]>): NamespaceGroup {
  const services = members.map(([s]) => s);
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
  return { collapsed, expanded: { ...collapsed, expanded: true }, services, leaves: members.map(([, i]) => i) };
}

function clusterGroup(cluster: TopologyCluster, gateways: readonly GatewayNode[], services: ReadonlyArray<[ServiceNode, number]>): ClusterGroup {
  const byNamespace = new Map<string, Array<[ServiceNode, number]>>();
  for (const member of services) {
    const list = byNamespace.get(member[0].namespace);
    if (list) list.push(member);
    else byNamespace.set(member[0].namespace, [member]);
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

/** One group per cluster, by name; services and gateways of a cluster not listed are left out. Namespace groups
 * list their services' indexes in `services`. */
export function clusterGroups(clusters: readonly TopologyCluster[], gateways: readonly GatewayNode[], services: readonly ServiceNode[]): ClusterGroup[] {
  const gatewaysOf = new Map<string, GatewayNode[]>();
  for (const g of gateways) gatewaysOf.set(g.cluster, [...(gatewaysOf.get(g.cluster) ?? []), g]);
  const servicesOf = new Map<string, Array<[ServiceNode, number]>>();
  services.forEach((s, i) => {
    const list = servicesOf.get(s.cluster);
    if (list) list.push([s, i]);
    else servicesOf.set(s.cluster, [[s, i]]);
  });
  return [...clusters].sort((a, b) => cmp(a.name, b.name)).map((c) => clusterGroup(c, gatewaysOf.get(c.name) ?? [], servicesOf.get(c.name) ?? []));
}

// The finest nodes of the graph: each cluster's east-west gateways and each (cluster, service) — a Service it runs
// (`svc:`) or a host it consumes only through a ServiceEntry (`se:`). Over the whole fleet a service can be in
// several workspaces (overlapping namespace selectors); it is drawn once per cluster with the WORST of its states
// (health order, severity.ts): a person looking at the fleet must see the problem one workspace has, and the
// edges drawn are the ones of that workspace's state, so node and edges always tell the same story.
import { parseServiceFqdn } from "@/lib/names/fqdn";
import type { ClusterFacts, FailoverRow, GatewayFacts } from "@/lib/failover/types";
import { AT_RISK_WORDS, FAILOVER_WORDS, failoverSentence } from "@/lib/failover/words";
import { clusterNodeId, gatewayNodeId, namespaceNodeId, serviceEntryNodeId, serviceNodeId } from "./ids";
import { healthRank } from "./severity";
import type { WorkspaceFailover } from "./source";
import type { TopologyNode } from "./types";

export type ServiceNode = Extract<TopologyNode, { kind: "service" | "service-entry" }>;
export type GatewayNode = Extract<TopologyNode, { kind: "gateway" }>;

/** A chosen row, the facts of its cluster (and of every cluster) in its workspace, and the node drawn for it. */
export type ServiceLeaf = { row: FailoverRow; facts: ClusterFacts; peers: ReadonlyMap<string, ClusterFacts>; node: ServiceNode };

type Chosen = Omit<ServiceLeaf, "node">;

const rowKey = (cluster: string, fqdn: string) => `${cluster}\u0000${fqdn}`;

/** One row per (cluster, fqdn): the worst state over the workspaces, the first workspace's on ties. */
function chooseRows(workspaces: readonly WorkspaceFailover[]): Chosen[] {
  const chosen = new Map<string, Chosen>();
  for (const ws of workspaces) {
    const peers = new Map(ws.input.clusters.map((c) => [c.name, c]));
    for (const row of ws.rows) {
      const facts = peers.get(row.cluster);
      if (!facts) continue;
      const key = rowKey(row.cluster, row.fqdn);
      const known = chosen.get(key);
      if (!known || healthRank(row.state.kind) < healthRank(known.row.state.kind)) chosen.set(key, { row, facts, peers });
    }
  }
  return [...chosen.values()];
}

export function serviceNode(row: FailoverRow, local: boolean): ServiceNode {
  const { state } = row;
  const name = parseServiceFqdn(row.fqdn)?.name ?? row.fqdn;
  return {
    id: local ? serviceNodeId(row.cluster, row.fqdn) : serviceEntryNodeId(row.cluster, row.fqdn),
    kind: local ? "service" : "service-entry",
    label: name,
    cluster: row.cluster,
    parent: namespaceNodeId(row.cluster, row.namespace),
    namespace: row.namespace,
    fqdn: row.fqdn,
    state: state.kind,
    words: FAILOVER_WORDS[state.kind],
    ...(state.kind === "at-risk" ? { reason: state.reason, reasonWords: AT_RISK_WORDS[state.reason] } : {}),
    sentence: failoverSentence(row),
  };
}

/** Every leaf service: the chosen rows, in cluster then FQDN order. */
export function serviceLeaves(workspaces: readonly WorkspaceFailover[]): ServiceLeaf[] {
  // Whether the cluster runs the service (a Service there) or consumes it through a ServiceEntry: one set per cluster.
  const running = new Map<ClusterFacts, Set<string>>();
  const runs = (facts: ClusterFacts, fqdn: string) => {
    let set = running.get(facts);
    if (!set) running.set(facts, (set = new Set(facts.services.map((s) => s.fqdn))));
    return set.has(fqdn);
  };
  const leaves = chooseRows(workspaces).map((c) => ({ ...c, node: serviceNode(c.row, runs(c.facts, c.row.fqdn)) }));
  return leaves.sort((a, b) => cmp(a.row.cluster, b.row.cluster) || cmp(a.row.fqdn, b.row.fqdn));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function gatewayNode(cluster: string, g: GatewayFacts): GatewayNode {
  return {
    id: gatewayNodeId(cluster, g.namespace, g.name),
    kind: "gateway",
    label: g.name,
    cluster,
    parent: clusterNodeId(cluster),
    namespace: g.namespace,
    name: g.name,
    addresses: [...g.addresses],
    readyPods: g.readyPods,
    ready: g.readyPods > 0,
  };
}

/** Every east-west gateway serving some workspace, once per cluster and name, by id. */
export function gatewayLeaves(workspaces: readonly WorkspaceFailover[]): GatewayNode[] {
  const byId = new Map<string, GatewayNode>();
  for (const ws of workspaces) {
    for (const c of ws.input.clusters) {
      for (const g of c.gateways) {
        const node = gatewayNode(c.name, g);
        if (!byId.has(node.id)) byId.set(node.id, node);
      }
    }
  }
  return [...byId.values()].sort((a, b) => cmp(a.id, b.id));
}

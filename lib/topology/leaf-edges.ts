// The finest edges, from each service's failover state (lib/failover) and the facts it was computed from:
// - `failover`: from the service (its shadow WorkloadEntries) or the ServiceEntry host in cluster A to the remote
//   east-west gateway in B its sidecars dial.
//     active   the state sends traffic there now: Failed over to its targets, or Remote only through a working route;
//     standby  a working route not in use: the service is served locally (Serving locally, or At risk for a local
//              reason such as no outlier detection, with working targets);
//     broken   a remote check that fails where the objects exist: A's shadow or ServiceEntry addresses lead to a
//              gateway of B, but that gateway has no ready pod, B's instances are down or unknown, or B is stale.
//   A failing check with no object leading anywhere (no gateway, no shadows, gateway not in the ServiceEntry) has no
//   edge: there is nothing to draw between the two. Serving locally and Failed over list only their working routes,
//   so only At risk, Remote only and Unavailable states draw broken edges. A stale cluster's own state (Unknown)
//   draws nothing: what it dials now cannot be seen.
// - `ingress`: from that gateway on to the service it leads to in B (the gateway passes the SNI through to B's own
//   endpoints of the host), once per gateway and service, with the worst status of the failover edges into it.
import type { ClusterFacts, FailoverState, RemoteCheck, Route } from "@/lib/failover/types";
import { gatewayNodeId, gatewayNodeOfRoute, namespaceNodeId, serviceNodeId } from "./ids";
import type { ServiceLeaf } from "./leaves";
import { worseStatus } from "./severity";
import type { EdgeStatus } from "./types";

export type LeafEdge = {
  kind: "failover" | "ingress";
  source: string;
  target: string;
  status: EdgeStatus;
  fqdn: string;
  sourceCluster: string;
  targetCluster: string;
  /** The group each end shows as when its cluster is expanded: the namespace of a service, the gateway itself. */
  sourceMid: string;
  targetMid: string;
};

type Dialled = { shadows: Map<string, Set<string>>; entries: Map<string, Set<string>> };

function addAll(map: Map<string, Set<string>>, key: string, addresses: readonly string[]): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  for (const a of addresses) set.add(a);
}

/** A cluster's dialled addresses per FQDN, indexed once per cluster (only clusters with a failing check). */
function dialledIndex(cache: Map<ClusterFacts, Dialled>, facts: ClusterFacts): Dialled {
  let index = cache.get(facts);
  if (index) return index;
  index = { shadows: new Map(), entries: new Map() };
  for (const w of facts.shadowEntries) addAll(index.shadows, w.fqdn, w.addresses);
  for (const se of facts.serviceEntries) for (const host of se.hosts) addAll(index.entries, host, se.addresses);
  cache.set(facts, index);
  return index;
}

type Planned = { cluster: string; target: string; status: EdgeStatus };

function routed(routes: readonly Route[], status: EdgeStatus): Planned[] {
  return routes.map((r) => ({ cluster: r.cluster, target: gatewayNodeOfRoute(r.cluster, r.gateway), status }));
}

/** The gateway of the failing remote that the local objects lead to, if any. */
function brokenTarget(leaf: ServiceLeaf, check: Extract<RemoteCheck, { ok: false }>, cache: Map<ClusterFacts, Dialled>): Planned[] {
  const remote = leaf.peers.get(check.cluster);
  if (!remote) return [];
  const index = dialledIndex(cache, leaf.facts);
  const dialled = (leaf.node.kind === "service" ? index.shadows : index.entries).get(leaf.row.fqdn);
  if (!dialled) return [];
  const gateway = remote.gateways.find((g) => g.addresses.some((a) => dialled.has(a)));
  return gateway ? [{ cluster: check.cluster, target: gatewayNodeId(check.cluster, gateway.namespace, gateway.name), status: "broken" }] : [];
}

function checked(leaf: ServiceLeaf, remotes: readonly RemoteCheck[], cache: Map<ClusterFacts, Dialled>, okStatus: EdgeStatus): Planned[] {
  return remotes.flatMap((c) => (c.ok ? routed([c.route], okStatus) : brokenTarget(leaf, c, cache)));
}

function plannedOf(leaf: ServiceLeaf, cache: Map<ClusterFacts, Dialled>): Planned[] {
  const state: FailoverState = leaf.row.state;
  switch (state.kind) {
    case "serving-locally":
      return routed(state.targets, "standby");
    case "failed-over":
      return routed(state.targets, "active");
    case "at-risk":
      return [...routed(state.targets, "standby"), ...checked(leaf, state.remotes.filter((r) => !r.ok), cache, "standby")];
    case "remote-only":
      return checked(leaf, state.remotes, cache, "active");
    case "unavailable":
      // Every remote check failed: only broken edges, where the objects lead somewhere.
      return checked(leaf, state.remotes, cache, "broken");
    case "unknown":
      return [];
  }
}

/** Every leaf edge: failover edges in leaf order, then one ingress edge per (gateway, service) reached. */
export function leafEdges(leaves: readonly ServiceLeaf[], gatewayIds: ReadonlySet<string>, serviceIds: ReadonlySet<string>): LeafEdge[] {
  const cache = new Map<ClusterFacts, Dialled>();
  const out: LeafEdge[] = [];
  // The same FQDN names the same Service (and namespace) in every cluster: the ingress target is B's node of it.
  const ingress = new Map<string, LeafEdge>();
  for (const leaf of leaves) {
    const { node } = leaf;
    const sourceMid = node.parent ?? node.id;
    for (const p of plannedOf(leaf, cache)) {
      if (!gatewayIds.has(p.target)) continue;
      out.push({ kind: "failover", source: node.id, target: p.target, status: p.status, fqdn: node.fqdn, sourceCluster: node.cluster, targetCluster: p.cluster, sourceMid, targetMid: p.target });
      const service = serviceNodeId(p.cluster, node.fqdn);
      if (!serviceIds.has(service)) continue;
      const key = `${p.target}\u0000${service}`;
      const known = ingress.get(key);
      if (known) known.status = worseStatus(known.status, p.status);
      else ingress.set(key, { kind: "ingress", source: p.target, target: service, status: p.status, fqdn: node.fqdn, sourceCluster: p.cluster, targetCluster: p.cluster, sourceMid: p.target, targetMid: namespaceNodeId(p.cluster, node.namespace) });
    }
  }
  return [...out, ...ingress.values()];
}

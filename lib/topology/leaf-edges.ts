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
// At 20 clusters × 1,000 services there are ~400,000 of them, so they are kept as links (a gateway's index and a
// status, no strings) per service; edges with ids are made only for what a request shows (aggregate.ts).
import { drain, type Steps } from "@/lib/steps";
import type { ClusterFacts, FailoverState, RemoteCheck, Route } from "@/lib/failover/types";
import type { GatewayNode, ServiceLeaf } from "./leaves";
import { worseStatus } from "./severity";
import type { EdgeStatus } from "./types";

/** An edge end at a gateway: its index in the graph's gateway list. */
export type Link = { gateway: number; status: EdgeStatus };

export type LeafLinks = {
  /** Per service leaf (in leaf order): the gateways its failover edges go to. */
  failover: ReadonlyArray<readonly Link[]>;
  /** Per service leaf: the gateways whose ingress edges lead to it, each with the worst status of the routes in. */
  ingress: ReadonlyArray<readonly Link[]>;
};

/** Gateways by cluster, then by "namespace/name" (a Route's `gateway`): their index in `nodes`. */
function gatewayIndex(nodes: readonly GatewayNode[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  nodes.forEach((g, i) => {
    let inCluster = out.get(g.cluster);
    if (!inCluster) out.set(g.cluster, (inCluster = new Map()));
    inCluster.set(`${g.namespace}/${g.name}`, i);
  });
  return out;
}

type Dialled = { shadows: Map<string, Set<string>>; entries: Map<string, Set<string>> };
type Context = { gateways: Map<string, Map<string, number>>; dialled: Map<ClusterFacts, Dialled> };

function addAll(map: Map<string, Set<string>>, key: string, addresses: readonly string[]): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  for (const a of addresses) set.add(a);
}

/** A cluster's dialled addresses per FQDN, indexed once per cluster (only clusters with a failing check). */
function dialledIndex(ctx: Context, facts: ClusterFacts): Dialled {
  let index = ctx.dialled.get(facts);
  if (index) return index;
  index = { shadows: new Map(), entries: new Map() };
  for (const w of facts.shadowEntries) addAll(index.shadows, w.fqdn, w.addresses);
  for (const se of facts.serviceEntries) for (const host of se.hosts) addAll(index.entries, host, se.addresses);
  ctx.dialled.set(facts, index);
  return index;
}

function routed(ctx: Context, out: Link[], routes: readonly Route[], status: EdgeStatus): void {
  for (const r of routes) {
    const gateway = ctx.gateways.get(r.cluster)?.get(r.gateway);
    if (gateway !== undefined) out.push({ gateway, status });
  }
}

/** The gateway of the failing remote that the local objects lead to, if any: a broken edge. */
function broken(ctx: Context, out: Link[], leaf: ServiceLeaf, check: Extract<RemoteCheck, { ok: false }>): void {
  const remote = leaf.peers.get(check.cluster);
  if (!remote) return;
  const index = dialledIndex(ctx, leaf.facts);
  const dialled = (leaf.node.kind === "service" ? index.shadows : index.entries).get(leaf.row.fqdn);
  if (!dialled) return;
  const g = remote.gateways.find((x) => x.addresses.some((a) => dialled.has(a)));
  const gateway = g ? ctx.gateways.get(check.cluster)?.get(`${g.namespace}/${g.name}`) : undefined;
  if (gateway !== undefined) out.push({ gateway, status: "broken" });
}

function checked(ctx: Context, out: Link[], leaf: ServiceLeaf, remotes: readonly RemoteCheck[], okStatus: EdgeStatus): void {
  for (const c of remotes) {
    if (c.ok) routed(ctx, out, [c.route], okStatus);
    else broken(ctx, out, leaf, c);
  }
}

function linksOf(ctx: Context, leaf: ServiceLeaf): Link[] {
  const state: FailoverState = leaf.row.state;
  const out: Link[] = [];
  switch (state.kind) {
    case "serving-locally":
      routed(ctx, out, state.targets, "standby");
      break;
    case "failed-over":
      routed(ctx, out, state.targets, "active");
      break;
    case "at-risk":
      routed(ctx, out, state.targets, "standby");
      checked(ctx, out, leaf, state.remotes.filter((r) => !r.ok), "standby");
      break;
    case "remote-only":
      checked(ctx, out, leaf, state.remotes, "active");
      break;
    case "unavailable":
      // Every remote check failed: only broken edges, where the objects lead somewhere.
      checked(ctx, out, leaf, state.remotes, "broken");
      break;
    case "unknown":
      break;
  }
  return out;
}

/** Leaves linked between two pauses of leafLinksSteps (a leaf has one link per remote cluster at most). */
const STEP_LEAVES = 256;

/** Every leaf's failover links, and the ingress links into the services they reach (leafLinksSteps drained). */
export function leafLinks(leaves: readonly ServiceLeaf[], gateways: readonly GatewayNode[]): LeafLinks {
  return drain(leafLinksSteps(leaves, gateways));
}

/** Every leaf's failover links, and the ingress links into the services they reach (the same FQDN in B), in steps. */
export function* leafLinksSteps(leaves: readonly ServiceLeaf[], gateways: readonly GatewayNode[]): Steps<LeafLinks> {
  const ctx: Context = { gateways: gatewayIndex(gateways), dialled: new Map() };
  // Services by cluster, then FQDN: the ingress target is B's node of the same FQDN (same Service and namespace).
  const services = new Map<string, Map<string, number>>();
  leaves.forEach((l, i) => {
    if (l.node.kind !== "service") return;
    let inCluster = services.get(l.node.cluster);
    if (!inCluster) services.set(l.node.cluster, (inCluster = new Map()));
    inCluster.set(l.node.fqdn, i);
  });
  const failover: Link[][] = [];
  for (const leaf of leaves) {
    failover.push(linksOf(ctx, leaf));
    if (failover.length % STEP_LEAVES === 0) yield;
  }
  const ingress: Link[][] = leaves.map(() => []);
  // Each gateway's cluster's services, looked up once per gateway instead of once per link.
  const servicesBehind = gateways.map((g) => services.get(g.cluster));
  for (let i = 0; i < failover.length; i++) {
    if (i % STEP_LEAVES === 0) yield;
    const links = failover[i] as Link[];
    const fqdn = (leaves[i] as ServiceLeaf).node.fqdn;
    for (const link of links) {
      const target = servicesBehind[link.gateway]?.get(fqdn);
      if (target === undefined) continue;
      const into = ingress[target] as Link[];
      const known = into.find((l) => l.gateway === link.gateway);
      if (known) known.status = worseStatus(known.status, link.status);
      else into.push({ gateway: link.gateway, status: link.status });
    }
  }
  return { failover, ingress };
}

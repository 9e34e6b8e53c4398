// Traffic on the topology's edges (lib/topology/types.ts TopologyEdge), from the traffic view's flows
// (lib/traffic/types.ts TrafficFlow: rates of istio_requests_total reported by the calling sidecar, per source
// cluster, destination cluster and service, over the last minute). Pure: the page memoizes it on the graph and view.
//
// What Istio's metric can and cannot tell:
// - `failover` edge A → B (a service or ServiceEntry host of A to B's east-west gateway, or the groups around them):
//   the requests A's sidecars sent to the edge's services that B's endpoints answered (destination_cluster = B).
// - `ingress` edge (B's gateway → B's service, both ends in B): the requests entering B from every other cluster for
//   the edge's services; B's own callers do not cross the gateway.
// - The metric names clusters, not gateways: when B has two east-west gateways, each edge to or from one of them
//   shows the whole A → B figure (the split between gateways is not in istio_requests_total).
import { MAX_EDGE_FQDNS } from "@/lib/topology/edge-merge";
import type { TopologyEdge } from "@/lib/topology/types";
import { edgeTraffic } from "@/lib/traffic/edge-traffic";
import type { EdgeTraffic, TrafficFlow, TrafficView } from "@/lib/traffic/types";

/**
 * An edge's figures. `scope` says what was summed: "services", the flows of the services the edge names; "clusters",
 * every flow between its two clusters in the view's scope (the whole fleet, or the workspace), because the edge
 * carries more services than it names — then the rate is an upper bound for the edge (it may include services of
 * other groups between the same clusters) and the label says "≤".
 */
export type EdgeFigure = EdgeTraffic & { scope: "services" | "clusters" };

/**
 * Cross-cluster flows by destination, then source, then FQDN. A cluster's calls to itself never cross an east-west
 * gateway, so they are on no edge and are left out (half the flows of a busy fleet).
 */
type FlowIndex = Map<string, Map<string, Map<string, TrafficFlow[]>>>;

function indexFlows(flows: readonly TrafficFlow[]): FlowIndex {
  const index: FlowIndex = new Map();
  for (const f of flows) {
    if (f.sourceCluster === f.destinationCluster) continue;
    let bySource = index.get(f.destinationCluster);
    if (!bySource) index.set(f.destinationCluster, (bySource = new Map()));
    let byFqdn = bySource.get(f.sourceCluster);
    if (!byFqdn) bySource.set(f.sourceCluster, (byFqdn = new Map()));
    const list = byFqdn.get(f.fqdn);
    if (list) list.push(f);
    else byFqdn.set(f.fqdn, [f]);
  }
  return index;
}

/**
 * Whether the edge names every service it carries. `count` counts underlying edges (service × gateway), not
 * services: one service dialling two gateways of B is count 2 with one FQDN, and its list is still complete. The
 * list is cut only at MAX_EDGE_FQDNS (lib/topology/edge-merge.ts), so a shorter list is always the whole of it;
 * a full one is the whole of it only when there are no more edges than names.
 */
export function namesEveryService(edge: Pick<TopologyEdge, "count" | "fqdns">): boolean {
  return edge.fqdns.length < MAX_EDGE_FQDNS || edge.count <= edge.fqdns.length;
}

/** Source → destination for the edge's services (named), or for every service between the two (not all named). */
function pairTraffic(index: FlowIndex, source: string, destination: string, fqdns: readonly string[] | undefined): EdgeTraffic | undefined {
  const byFqdn = index.get(destination)?.get(source);
  if (!byFqdn) return undefined;
  const flows = fqdns === undefined ? [...byFqdn.values()].flat() : fqdns.flatMap((f) => byFqdn.get(f) ?? []);
  return edgeTraffic(flows, source, destination, fqdns);
}

/** The sum of several edges' figures: rates add, the 5xx share is weighted by rate. */
function summed(parts: ReadonlyArray<EdgeTraffic | undefined>): EdgeTraffic | undefined {
  let rps = 0;
  let errors = 0;
  for (const p of parts) {
    if (!p) continue;
    rps += p.rps;
    errors += p.rps * p.errorRate;
  }
  return rps > 0 ? { rps, errorRate: Math.min(1, errors / rps) } : undefined;
}

function figureOf(index: FlowIndex, edge: TopologyEdge): EdgeFigure | undefined {
  // An aggregated edge names at most MAX_EDGE_FQDNS of its services: when it carries more, every flow between its
  // two clusters in the view's scope is summed (an upper bound, marked "clusters"), rather than a figure that
  // silently leaves out the services it does not name.
  const named = namesEveryService(edge);
  const fqdns = named ? edge.fqdns : undefined;
  const scope = named ? "services" : "clusters";
  let traffic: EdgeTraffic | undefined;
  if (edge.kind === "failover") {
    traffic = pairTraffic(index, edge.sourceCluster, edge.targetCluster, fqdns);
  } else {
    const into = edge.targetCluster;
    const sources = [...(index.get(into)?.keys() ?? [])];
    traffic = summed(sources.map((s) => pairTraffic(index, s, into, fqdns)));
  }
  return traffic ? { ...traffic, scope } : undefined;
}

/**
 * Every edge's figures by edge id; undefined for an edge no request took in the window (no label rather than
 * "0 req/s"), and for every edge when Prometheus did not answer (the page says why once, not per edge).
 */
export function trafficByEdge(edges: readonly TopologyEdge[], view: TrafficView): Map<string, EdgeFigure | undefined> {
  const out = new Map<string, EdgeFigure | undefined>();
  const index = indexFlows(view.status.state === "ok" ? view.flows : []);
  for (const edge of edges) out.set(edge.id, figureOf(index, edge));
  return out;
}

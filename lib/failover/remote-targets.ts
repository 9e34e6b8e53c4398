// Whether a remote instance of a service is a working failover target for a cluster: traffic leaves the cluster's
// sidecars for a remote east-west gateway address only when an endpoint the sidecar knows carries that address —
// a shadow WorkloadEntry the local Service selects, or a ServiceEntry endpoint where the service does not run
// locally (domain.md §2, §3.3–3.4). The gateway then needs a ready pod to accept on 15443, and passes the SNI
// through to the remote cluster's own ready endpoints of the same host (§3b). A stale remote proves nothing
// either way, so it is checked first and never counted as down.
import type { ClusterFacts, RemoteCheck, RemoteProblem, Route, ServiceFacts } from "./types";

export type Runner = { cluster: ClusterFacts; service: ServiceFacts };

/** Every cluster running each FQDN (in input order; byProximity orders them per local cluster). */
export function runnersByFqdn(clusters: readonly ClusterFacts[]): Map<string, Runner[]> {
  const out = new Map<string, Runner[]>();
  for (const cluster of clusters) {
    for (const service of cluster.services) {
      const list = out.get(service.fqdn);
      if (list) list.push({ cluster, service });
      else out.set(service.fqdn, [{ cluster, service }]);
    }
  }
  return out;
}

/** The addresses of `all` that are dialled: `all` itself when every one is (the usual case, and no allocation). */
function dialledOf(all: readonly string[], dialled: ReadonlySet<string>): readonly string[] {
  let count = 0;
  for (const a of all) if (dialled.has(a)) count += 1;
  return count === all.length ? all : all.filter((a) => dialled.has(a));
}

/**
 * One remote instance checked from a cluster that dials `dialled` (its shadow WorkloadEntry or ServiceEntry
 * addresses for the host). `missing`: the problem when no ready gateway address of the remote is dialled.
 */
export function checkRemote(remote: Runner, dialled: ReadonlySet<string>, missing: RemoteProblem): RemoteCheck {
  const cluster = remote.cluster.name;
  if (remote.cluster.stale) return { cluster, ok: false, problem: "remote-cluster-stale" };
  if (remote.cluster.gateways.length === 0) return { cluster, ok: false, problem: "no-gateway" };
  // One pass, no intermediate arrays: this runs for every remote of every service of every cluster (10^5–10^6).
  let anyReady = false;
  let route: Route | undefined;
  for (const g of remote.cluster.gateways) {
    if (g.readyPods <= 0) continue;
    anyReady = true;
    const addresses = dialledOf(g.addresses, dialled);
    if (addresses.length > 0) {
      route = { cluster, gateway: `${g.namespace}/${g.name}`, addresses };
      break;
    }
  }
  if (!anyReady) return { cluster, ok: false, problem: "gateway-not-ready" };
  if (!route) return { cluster, ok: false, problem: missing };
  const endpoints = remote.service.endpoints;
  if (!endpoints) return { cluster, ok: false, problem: "remote-endpoints-unknown" };
  if (endpoints.ready === 0) return { cluster, ok: false, problem: "remote-instances-down" };
  return { cluster, ok: true, route };
}

/** How many leading `region/zone/subzone` parts two localities share: Istio's locality LB priority. */
function proximity(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return 0;
  const left = a.split("/");
  const right = b.split("/");
  let shared = 0;
  while (shared < left.length && left[shared] !== "" && left[shared] === right[shared]) shared += 1;
  return shared;
}

/**
 * Every cluster's rank as a failover target of `local`, in the order Istio would try them: nearest locality first,
 * then by cluster name (Envoy spreads traffic across equal priorities; the name only makes the order stable).
 * Computed once per local cluster; byProximity then sorts each service's remotes by it.
 */
export function proximityRanks(local: ClusterFacts, clusters: readonly ClusterFacts[]): Map<ClusterFacts, number> {
  const scored = clusters.map((c) => ({ c, score: proximity(local.locality, c.locality) }));
  scored.sort((a, b) => b.score - a.score || (a.c.name < b.c.name ? -1 : a.c.name > b.c.name ? 1 : 0));
  return new Map(scored.map(({ c }, i) => [c, i]));
}

/** `remotes` in `ranks` order (proximityRanks of the local cluster). */
export function byProximity(ranks: ReadonlyMap<ClusterFacts, number>, remotes: readonly Runner[]): Runner[] {
  const rank = (r: Runner) => ranks.get(r.cluster) ?? Number.MAX_SAFE_INTEGER;
  return [...remotes].sort((a, b) => rank(a) - rank(b));
}

// The order checkRemote tests in: a later problem means the remote got further towards working.
const ORDER: readonly RemoteProblem[] = [
  "remote-cluster-stale",
  "no-gateway",
  "gateway-not-ready",
  "no-shadow-workload-entries",
  "not-in-service-entry",
  "remote-endpoints-unknown",
  "remote-instances-down",
];

/**
 * The one reason no remote works, from the failing checks (non-empty): "every remote instance down" only when
 * every remote is down; otherwise the problem of the remote whose instance may be up that got furthest towards
 * working (the nearest on ties) — the one to fix first.
 */
export function primaryProblem(failing: readonly RemoteProblem[]): RemoteProblem {
  const up = failing.filter((p) => p !== "remote-instances-down");
  if (up.length === 0) return "remote-instances-down";
  return up.reduce((best, p) => (ORDER.indexOf(p) > ORDER.indexOf(best) ? p : best));
}

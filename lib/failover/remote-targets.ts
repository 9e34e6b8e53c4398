// Whether a remote instance of a service is a working failover target for a cluster: traffic leaves the cluster's
// sidecars for a remote east-west gateway address only when an endpoint the sidecar knows carries that address —
// a shadow WorkloadEntry the local Service selects, or a ServiceEntry endpoint where the service does not run
// locally (domain.md §2, §3.3–3.4). The gateway then needs a ready pod to accept on 15443, and passes the SNI
// through to the remote cluster's own ready endpoints of the same host (§3b). A stale remote proves nothing
// either way, so it is checked first and never counted as down.
import type { ClusterFacts, RemoteCheck, RemoteProblem, Route, ServiceFacts } from "./types";

export type Runner = { cluster: ClusterFacts; service: ServiceFacts };

/** Every cluster running each FQDN, by name. */
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

/**
 * One remote instance checked from a cluster that dials `dialled` (its shadow WorkloadEntry or ServiceEntry
 * addresses for the host). `missing`: the problem when no ready gateway address of the remote is dialled.
 */
export function checkRemote(remote: Runner, dialled: ReadonlySet<string>, missing: RemoteProblem): RemoteCheck {
  const cluster = remote.cluster.name;
  const fail = (problem: RemoteProblem): RemoteCheck => ({ cluster, ok: false, problem });
  if (remote.cluster.stale) return fail("remote-cluster-stale");
  if (remote.cluster.gateways.length === 0) return fail("no-gateway");
  const ready = remote.cluster.gateways.filter((g) => g.readyPods > 0);
  if (ready.length === 0) return fail("gateway-not-ready");
  const routes: Route[] = ready
    .map((g) => ({ cluster, gateway: `${g.namespace}/${g.name}`, addresses: g.addresses.filter((a) => dialled.has(a)) }))
    .filter((r) => r.addresses.length > 0);
  const [route] = routes;
  if (!route) return fail(missing);
  const endpoints = remote.service.endpoints;
  if (!endpoints) return fail("remote-endpoints-unknown");
  if (endpoints.ready === 0) return fail("remote-instances-down");
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
 * The remote instances of a service in the order Istio would try them from `local`: nearest locality first, then
 * by cluster name (Envoy spreads traffic across equal priorities; the name only makes the order stable).
 */
export function byProximity(local: ClusterFacts, remotes: readonly Runner[]): Runner[] {
  const score = (r: Runner) => proximity(local.locality, r.cluster.locality);
  return [...remotes].sort((a, b) => score(b) - score(a) || (a.cluster.name < b.cluster.name ? -1 : a.cluster.name > b.cluster.name ? 1 : 0));
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

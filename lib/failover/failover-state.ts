// The failover state of every service in every cluster of a workspace: the one function every page uses.
//
// Rules, per cluster C and service S (domain.md §3.3–3.8, §3b):
// - C stale → Unknown (its last known state says nothing about now); so does S when C's endpoint count of S is
//   unknown. Nothing unseen ever makes a state Unavailable.
// - S runs in C (a Service there): Envoy keeps traffic on local ready endpoints while there are any, and leaves
//   only when ALL are gone (§3.7–3.8: one version of reviews at 0 changes nothing — the count is the Service's).
//   A remote instance is a working target when checkRemote says so (remote-targets.ts), through C's shadow
//   WorkloadEntries for S.
//   - ready > 0 → Serving locally, unless At risk: S runs in no other cluster; S is not exposed (the registry
//     removes the shadows that follow from exposure, §3.5); no remote works (the reason: primaryProblem); or no
//     DestinationRule with outlierDetection covers S in C — without it Istio turns locality load balancing off,
//     so traffic is not kept local and failing local pods (5xx) are never ejected (§2 DestinationRule, §3b).
//   - ready = 0 → Failed over to the working remotes (nearest first). Outlier detection is not needed for this:
//     with no local endpoint left, every endpoint of the Service is a remote one. With none working: At risk
//     "remote cluster stale" / "remote endpoints unknown" when a remote could not be seen, else Unavailable.
// - S does not run in C but a ServiceEntry there lists it → Remote only, naming the remote clusters and gateways
//   its endpoint addresses lead to and whether any works; Unavailable when every one is seen and none works.
// A cluster's own east-west gateway does not enter its own states: its sidecars dial remote gateways directly, so
// a cluster without one shows up as "no gateway" in the states of the other clusters that would fail over to it.
import { parseServiceFqdn } from "@/lib/names/fqdn";
import { drain, type Steps } from "@/lib/steps";
import { byProximity, checkRemote, primaryProblem, proximityRanks, runnersByFqdn, type Runner } from "./remote-targets";
import type { ClusterFacts, EndpointCount, Exposure, FailoverInput, FailoverRow, FailoverState, RemoteCheck, RemoteProblem, Route, ServiceFacts } from "./types";

/** Whether a FQDN is exposed (domain.md §3.1). */
export function isExposed(exposure: Exposure, fqdn: string): boolean {
  if (!exposure.setting) return false;
  const listed = exposure.exposedServices ?? [];
  return listed.length === 0 || listed.includes(fqdn);
}

// What a remote that could not be seen fails with: it may be working, so it never makes a state Unavailable.
const UNSEEN: readonly RemoteProblem[] = ["remote-cluster-stale", "remote-endpoints-unknown"];

function routes(checks: readonly RemoteCheck[]): Route[] {
  const out: Route[] = [];
  for (const c of checks) if (c.ok) out.push(c.route);
  return out;
}

function problems(checks: readonly RemoteCheck[]): RemoteProblem[] {
  const out: RemoteProblem[] = [];
  for (const c of checks) if (!c.ok) out.push(c.problem);
  return out;
}

type Context = { input: FailoverInput; runners: Map<string, Runner[]> };

/** One cluster's shadow addresses per FQDN and outlier-detected hosts, indexed once (10^3 services × 10^4 entries). */
type Local = { cluster: ClusterFacts; shadows: Map<string, Set<string>>; outlier: ReadonlySet<string>; ranks: Map<ClusterFacts, number> };

function localIndex(cluster: ClusterFacts, clusters: readonly ClusterFacts[]): Local {
  const shadows = new Map<string, Set<string>>();
  for (const w of cluster.shadowEntries) {
    const set = shadows.get(w.fqdn) ?? new Set<string>();
    for (const a of w.addresses) set.add(a);
    shadows.set(w.fqdn, set);
  }
  return { cluster, shadows, outlier: new Set(cluster.outlierDetection), ranks: proximityRanks(cluster, clusters) };
}

function servedLocally(ctx: Context, local: Local, svc: ServiceFacts, endpoints: EndpointCount, checks: RemoteCheck[]): FailoverState {
  const targets = routes(checks);
  const atRisk = (reason: Extract<FailoverState, { kind: "at-risk" }>["reason"]): FailoverState => ({ kind: "at-risk", reason, endpoints, remotes: checks, targets });
  if (checks.length === 0) return atRisk("no-remote-instance");
  if (!isExposed(ctx.input.exposure, svc.fqdn)) return atRisk("not-exposed");
  if (targets.length === 0) return atRisk(primaryProblem(problems(checks)));
  if (!local.outlier.has(svc.fqdn)) return atRisk("no-outlier-detection");
  return { kind: "serving-locally", endpoints, targets };
}

function localState(ctx: Context, local: Local, svc: ServiceFacts): FailoverState {
  const { cluster } = local;
  if (cluster.stale) return { kind: "unknown", why: "cluster-stale", ...(cluster.staleSince ? { since: cluster.staleSince } : {}) };
  const endpoints = svc.endpoints;
  if (!endpoints) return { kind: "unknown", why: "endpoints-unknown" };
  const remotes = byProximity(local.ranks, (ctx.runners.get(svc.fqdn) ?? []).filter((r) => r.cluster !== cluster));
  const dialled = local.shadows.get(svc.fqdn) ?? new Set<string>();
  const checks = remotes.map((r) => checkRemote(r, dialled, "no-shadow-workload-entries"));
  if (endpoints.ready > 0) return servedLocally(ctx, local, svc, endpoints, checks);
  const targets = routes(checks);
  if (targets.length > 0) return { kind: "failed-over", endpoints, targets };
  const unseen = problems(checks).find((p) => UNSEEN.includes(p));
  if (unseen) return { kind: "at-risk", reason: unseen, endpoints, remotes: checks, targets };
  return { kind: "unavailable", endpoints, remotes: checks };
}

function remoteOnlyState(ctx: Context, local: Local, fqdn: string, addresses: ReadonlySet<string>): FailoverState {
  const { cluster } = local;
  if (cluster.stale) return { kind: "unknown", why: "cluster-stale", ...(cluster.staleSince ? { since: cluster.staleSince } : {}) };
  const remotes = byProximity(local.ranks, ctx.runners.get(fqdn) ?? []);
  const checks = remotes.map((r) => checkRemote(r, addresses, "not-in-service-entry"));
  const known = new Set(remotes.flatMap((r) => r.cluster.gateways.flatMap((g) => g.addresses)));
  const unmatchedAddresses = [...addresses].filter((a) => !known.has(a)).sort();
  const reachable = checks.some((c) => c.ok);
  if (reachable || problems(checks).some((p) => UNSEEN.includes(p))) return { kind: "remote-only", reachable, remotes: checks, unmatchedAddresses };
  return { kind: "unavailable", remotes: checks };
}

/** ServiceEntry hosts of a cluster that it does not run itself, with every endpoint address listed for each. */
function consumedHosts(cluster: ClusterFacts): Map<string, Set<string>> {
  const local = new Set(cluster.services.map((s) => s.fqdn));
  const out = new Map<string, Set<string>>();
  for (const se of cluster.serviceEntries) {
    for (const host of se.hosts) {
      if (local.has(host)) continue;
      const set = out.get(host) ?? new Set<string>();
      for (const a of se.addresses) set.add(a);
      out.set(host, set);
    }
  }
  return out;
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Services whose states are computed between two pauses of failoverStatesSteps (each is O(clusters)). */
const STEP_SERVICES = 64;

/**
 * Every service's state in every cluster (clusters by name, then each cluster's services by FQDN), in steps: it
 * pauses every STEP_SERVICES services, so the server can run a 20 × 1,000 fleet's 20,000 states (seconds of CPU)
 * in slices of the event loop.
 */
export function* failoverStatesSteps(input: FailoverInput): Steps<FailoverRow[]> {
  const ctx: Context = { input, runners: runnersByFqdn(input.clusters) };
  const rows: FailoverRow[] = [];
  let sinceStep = 0;
  for (const cluster of [...input.clusters].sort(byName)) {
    const local = localIndex(cluster, input.clusters);
    yield;
    const own: FailoverRow[] = [];
    for (const svc of cluster.services) {
      own.push({ cluster: cluster.name, fqdn: svc.fqdn, namespace: svc.namespace, state: localState(ctx, local, svc) });
      if (++sinceStep % STEP_SERVICES === 0) yield;
    }
    for (const [fqdn, addresses] of consumedHosts(cluster)) {
      own.push({ cluster: cluster.name, fqdn, namespace: parseServiceFqdn(fqdn)?.namespace ?? "", state: remoteOnlyState(ctx, local, fqdn, addresses) });
      if (++sinceStep % STEP_SERVICES === 0) yield;
    }
    rows.push(...own.sort((a, b) => (a.fqdn < b.fqdn ? -1 : a.fqdn > b.fqdn ? 1 : 0)));
  }
  return rows;
}

/** Every service's state in every cluster, at once (failoverStatesSteps drained). */
export function failoverStates(input: FailoverInput): FailoverRow[] {
  return drain(failoverStatesSteps(input));
}

// The demo's steady, light load, so that metrics, the topology and drills have something to show from the first
// minute: in every cluster a client calls productpage about once a second, and in north (productpage and sleep
// only) a client also calls details, which exists only in the other clusters — a cross-cluster caller that fails
// as a sidecar would until the console exposes details, and is served remotely once it has.
//
// The client is the `sleep` Deployment where the cluster has one (the demo seeds one in every cluster; e2e in north
// only); elsewhere it
// is a `demo-traffic` client in productpage's own namespace, so source_workload_namespace is a namespace that
// exists there. Each caller runs one request at a time: the next is scheduled only when the previous has settled,
// after a jittered interval (±20 %) so the callers of three clusters do not fire in lockstep.
import type { ClusterStore } from "../apiserver/types";
import type { RequestsSpec } from "./data-plane-requests";
import type { RequestResult } from "./types";

export interface DemoCaller {
  cluster: string;
  spec: Omit<RequestsSpec, "count">;
  intervalMs: number;
}

export interface DemoTrafficDeps {
  /** The data plane's request (index.ts): one request per call here. */
  request(cluster: string, spec: RequestsSpec): Promise<RequestResult[]>;
  /** Uniform in [0, 1) (Math.random by default; tests pass their own). */
  random?: () => number;
}

export interface DemoTraffic {
  /** Requests sent and those that failed (no response, or a rejected call), over all callers. */
  counts(): { sent: number; failed: number };
  /** No request starts after this; resolves once the ones in flight have settled. */
  stop(): Promise<void>;
}

const INTERVAL_MS = 1_000;
const JITTER = 0.2;
const PRODUCTPAGE = "http://productpage.bookinfo.svc.cluster.local:9080/";
const DETAILS = "http://details.bookinfo.svc.cluster.local:9080/";

function hasDeployment(store: ClusterStore, namespace: string, name: string): boolean {
  const type = store.types.byKind("apps", "Deployment");
  return type !== undefined && store.get(type, namespace, name) !== undefined;
}

/** The demo's callers for these clusters, from what their stores hold at start-up. */
export function demoCallers(clusters: Array<{ name: string; store: ClusterStore }>): DemoCaller[] {
  return clusters.flatMap(({ name, store }) => {
    if (!hasDeployment(store, "bookinfo", "productpage-v1")) return [];
    const sleep = hasDeployment(store, "sleep", "sleep");
    const source = sleep ? { namespace: "sleep", workload: "sleep" } : { namespace: "bookinfo", workload: "demo-traffic" };
    const callers: DemoCaller[] = [{ cluster: name, spec: { url: PRODUCTPAGE, ...source }, intervalMs: INTERVAL_MS }];
    // details is not local to this cluster: calling it is traffic that only another cluster can serve.
    if (!hasDeployment(store, "bookinfo", "details-v1")) callers.push({ cluster: name, spec: { url: DETAILS, ...source }, intervalMs: INTERVAL_MS });
    return callers;
  });
}

export function startDemoTraffic(callers: DemoCaller[], deps: DemoTrafficDeps): DemoTraffic {
  const random = deps.random ?? Math.random;
  let stopped = false;
  let sent = 0;
  let failed = 0;
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  const delay = (intervalMs: number): number => Math.round(intervalMs * (1 - JITTER + 2 * JITTER * random()));

  const schedule = (caller: DemoCaller, ms: number): void => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (stopped) return;
      const call = once(caller).finally(() => {
        inFlight.delete(call);
        schedule(caller, delay(caller.intervalMs));
      });
      inFlight.add(call);
    }, ms);
    timer.unref();
    timers.add(timer);
  };

  const once = async (caller: DemoCaller): Promise<void> => {
    sent++;
    try {
      const [result] = await deps.request(caller.cluster, { ...caller.spec, count: 1 });
      if (!result || result.status === 0 || result.status >= 500) failed++;
    } catch {
      // A rejected call (the data plane stopping under it) is counted, never left unhandled.
      failed++;
    }
  };

  // The first requests are spread over one interval, not all at once.
  for (const caller of callers) schedule(caller, Math.round(caller.intervalMs * random()));
  return {
    counts: () => ({ sent, failed }),
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all([...inFlight]);
    },
  };
}

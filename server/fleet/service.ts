import type { ClusterStatus, FleetView } from "@/lib/fleet-schema";
import { recordTable } from "@/lib/fleet/shared-records";
import type { ServerEnv } from "@/server/env";
import { startInformer } from "@/server/kube/informer";
import { loadInCluster, loadKubeconfig, type ClusterHandle } from "@/server/kube/kubeconfig";
import { probeCluster } from "@/server/kube/probe";
import { createFleetFeed, type FleetFeed } from "./feed";
import { createFleetMonitor } from "./monitor";
import { createFleetCache, type FleetSnapshotSource } from "./snapshot";

/** What the tRPC layer needs from the fleet; routers and tests depend on this shape only. */
export type FleetService = {
  feed: FleetFeed;
  /** Resolves once the first refresh (kubeconfig read + one probe round) has finished. */
  ready: () => Promise<void>;
  view: () => FleetView;
  recheck: (cluster: string) => Promise<ClusterStatus>;
  /** Contexts the kubeconfig defines but EASTWEST_CONTEXTS leaves out, so a request naming one can say so. */
  excluded?: () => readonly string[];
  /** The object-level cache, for controllers (the registry) and diagnostics. */
  snapshots: FleetSnapshotSource;
  /**
   * The cluster's current connection handle, from the kubeconfig the fleet last read (undefined for an unknown
   * cluster). Writers ask for it per write so they follow a kubeconfig that changes while the console runs.
   */
  handle: (cluster: string) => ClusterHandle | undefined;
};

/**
 * How many distinct parts (specs, labels, annotations) the fleet's informers share (shared-records.ts) before the
 * table starts over. At 20 clusters × 500 services the shadow WorkloadEntries alone have ~30,000 distinct specs and
 * as many annotations (one per service, source cluster and gateway address, each placed in 19 clusters). The
 * table keys each part by its JSON text (at most SHARED_RECORD_MAX_CHARS; a registry object's parts are a few
 * hundred characters), and its parts are ones cached objects hold anyway: what it adds is the keys.
 */
const SHARED_RECORDS_CAP = 200_000;

/** Wires kubeconfig loading, informers, probing and the feed together and refreshes on a timer. */
export function startFleetService(env: ServerEnv, log: (line: string) => void): FleetService & { stop: () => void } {
  const feed = createFleetFeed();
  const informerOptions = {
    listTimeoutMs: env.listTimeoutMs,
    watchTimeoutSeconds: env.watchTimeoutSeconds,
    backoff: env.backoff,
    // A kind the cluster does not serve (a CRD not installed: IngressGateway, FailoverDrill) is asked again every
    // 5 s, so a CRD installed by hand or by the drill service is watched within seconds; one 404 per kind per
    // cluster every 5 s is cheap next to a watch.
    notServedRetryMs: 5_000,
    records: recordTable(SHARED_RECORDS_CAP),
  };
  const cache = createFleetCache({
    startInformer: (handle, kind, sink) => {
      // Handles without a KubeConfig get no informers (see createFleetCache); this is a guard.
      if (!handle.kubeConfig) return { stop: () => undefined, done: Promise.resolve() };
      return startInformer(handle.name, handle.kubeConfig, kind, sink, informerOptions);
    },
    now: () => new Date(),
    flushIntervalMs: env.flushIntervalMs,
  });
  const monitor = createFleetMonitor({
    load: async () => (env.inCluster ? loadInCluster() : loadKubeconfig(env.kubeconfigPaths, env.contexts)),
    probe: (handle) => probeCluster(handle, env.probeTimeoutMs),
    feed,
    cache,
    managementCluster: env.managementCluster,
    now: () => new Date(),
    log,
  });
  const tick = () =>
    monitor.refresh().catch((err: unknown) => {
      // Refresh turns every cluster failure into data; reaching here is a bug, not a cluster.
      log(`fleet: refresh failed: ${err instanceof Error ? err.name : String(err)}`);
    });
  const first = tick();
  const timer = setInterval(() => void tick(), env.probeIntervalMs);
  timer.unref();
  return {
    feed,
    ready: () => first,
    view: monitor.view,
    recheck: monitor.recheck,
    excluded: monitor.excluded,
    handle: monitor.handle,
    snapshots: { current: cache.current, subscribe: cache.subscribe },
    stop: () => {
      clearInterval(timer);
      cache.stop();
    },
  };
}

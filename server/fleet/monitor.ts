import { applyFleetEvent } from "@/lib/fleet-reducer";
import type { ClusterStatus, FleetEvent, FleetView } from "@/lib/fleet-schema";
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { quoted, someOf } from "@/lib/validation/bounded-text";
import { notFound } from "@/server/errors";
import type { ClusterHandle, KubeconfigLoad } from "@/server/kube/kubeconfig";
import type { ProbeOutcome } from "@/server/kube/probe";
import { toClusterStatus } from "./cluster-status";
import type { FleetFeed } from "./feed";
import { logLoad, logTransition } from "./monitor-log";
import { publicConfigError, publicPath } from "./public-view";
import type { FleetCache } from "./snapshot";
import { createSummarizer } from "./summaries";

export type MonitorDeps = {
  load: () => Promise<KubeconfigLoad>;
  probe: (handle: ClusterHandle) => Promise<ProbeOutcome>;
  feed: FleetFeed;
  cache: FleetCache;
  managementCluster: string | undefined;
  now: () => Date;
  log: (line: string) => void;
};

export type FleetMonitor = ReturnType<typeof createFleetMonitor>;

const EMPTY: FleetView = { kind: "ready", sources: [], managementCluster: null, clusters: [] };

/**
 * Keeps the fleet view. Each refresh re-reads the kubeconfig (a changed file — e.g. a lab
 * restarted on new ports — resets the fleet and its informers) and probes every cluster.
 * Probe results and informer changes both land in the fleet cache; each coalesced snapshot
 * becomes one `clusters-updated` event with the clusters whose status changed. The
 * server's view is built by folding its own events with the same reducer the browser uses.
 */
export function createFleetMonitor(deps: MonitorDeps) {
  let view: FleetView = EMPTY;
  let handles: ClusterHandle[] = [];
  /** Contexts of the kubeconfig that EASTWEST_CONTEXTS leaves out. */
  let excluded: string[] = [];
  let fingerprint: string | undefined;
  let inFlight: Promise<void> | undefined;
  const lastReachable = new Map<string, string>();
  /** The last probe-based status per cluster; its `sync` is replaced from each snapshot. */
  const probed = new Map<string, ClusterStatus>();
  const summarize = createSummarizer();
  /** Between a kubeconfig change and its fleet-reset the view describes the old fleet. */
  let resetting = false;

  const emit = (event: FleetEvent) => {
    view = applyFleetEvent(view, event) ?? view;
    deps.feed.publish(event);
  };
  const managementOf = (load: Extract<KubeconfigLoad, { ok: true }>) =>
    deps.managementCluster ?? load.clusters[0]?.name ?? null;

  function compose(snapshot: FleetSnapshot): ClusterStatus[] {
    const syncs = summarize(snapshot);
    return handles.flatMap((h) => {
      const status = probed.get(h.name);
      const sync = syncs.get(h.name);
      return status ? [sync ? { ...status, sync } : status] : [];
    });
  }

  deps.cache.subscribe((snapshot) => {
    if (view.kind !== "ready" || resetting) return;
    const current = new Map(view.clusters.map((c) => [c.cluster, JSON.stringify(c)]));
    const changed = compose(snapshot).filter((s) => current.has(s.cluster) && current.get(s.cluster) !== JSON.stringify(s));
    if (changed.length > 0) emit({ type: "clusters-updated", statuses: changed });
  });

  async function check(handle: ClusterHandle, management: string | null): Promise<void> {
    const outcome = await deps.probe(handle);
    const checkedAt = deps.now();
    if (outcome.ok) lastReachable.set(handle.name, checkedAt.toISOString());
    const before = probed.get(handle.name);
    const status = toClusterStatus(handle, outcome, {
      checkedAt,
      since: before?.ok === outcome.ok ? before.since : undefined,
      management: handle.name === management,
      lastReachableAt: lastReachable.get(handle.name) ?? null,
    });
    logTransition(deps.log, before, status);
    probed.set(handle.name, status);
    deps.cache.probe(handle.name, outcome);
  }

  async function refreshOnce(): Promise<void> {
    const load = await deps.load();
    const changed = load.fingerprint !== fingerprint;
    fingerprint = load.fingerprint;
    const management = load.ok ? managementOf(load) : null;
    if (changed) logLoad(deps.log, load, management);
    if (!load.ok) {
      if (changed) {
        handles = [];
        excluded = [];
        probed.clear();
        deps.cache.reset([], null);
        // Visitors see file names only; the log line above keeps the full paths.
        emit({ type: "fleet-reset", fleet: { kind: "config-error", error: publicConfigError(load.error) } });
      }
      return;
    }
    if (changed) {
      resetting = true;
      handles = load.clusters;
      excluded = load.excluded ?? [];
      probed.clear();
      deps.cache.reset(handles, management);
    }
    try {
      await Promise.all(handles.map((h) => check(h, management)));
      // Publish the round at once rather than on the next coalescing tick.
      const snapshot = deps.cache.flush();
      if (changed) {
        const clusters = compose(snapshot);
        emit({ type: "fleet-reset", fleet: { kind: "ready", sources: load.sources.map(publicPath), managementCluster: management, clusters } });
      }
    } finally {
      resetting = false;
    }
  }

  /** One refresh at a time: a tick that finds one running waits for it instead. */
  function refresh(): Promise<void> {
    inFlight ??= refreshOnce().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  async function recheck(name: string): Promise<ClusterStatus> {
    const handle = handles.find((h) => h.name === name);
    if (!handle) {
      const known = someOf(handles.map((h) => h.name)) || "none";
      if (excluded.includes(name)) {
        throw notFound("cluster", `Cluster ${quoted(name)} is in the kubeconfig but excluded by EASTWEST_CONTEXTS (watching: ${known}); add it there to use it.`);
      }
      throw notFound("cluster", `No cluster named ${quoted(name)} in the kubeconfig (known: ${known}).`);
    }
    await check(handle, view.kind === "ready" ? view.managementCluster : null);
    deps.cache.flush();
    const status = compose(deps.cache.current()).find((s) => s.cluster === name);
    if (!status) throw notFound("cluster", `Cluster "${name}" is no longer in the kubeconfig.`);
    return status;
  }

  /** The live handle of a cluster (its KubeConfig follows kubeconfig changes); writers get theirs here. */
  const handle = (name: string): ClusterHandle | undefined => handles.find((h) => h.name === name);

  return { refresh, recheck, view: () => view, handle, excluded: (): readonly string[] => excluded };
}

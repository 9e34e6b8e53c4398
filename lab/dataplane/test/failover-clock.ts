// Timing a failover as a client sees it: requests go back to back from one cluster while something changes; the
// clock starts at the change (the instant the data plane could first know of it) and stops when a request is
// first served by the remote cluster. For the benchmark, and for tests that bound what a client sees.
import type { ClusterStore, KubeObject } from "../../apiserver/types";
import type { RequestResult } from "../types";
import { send, type TrafficSource } from "./traffic";

export interface FailoverTiming {
  /** From the change to the end of the first request served by `remote`. */
  toRemoteMs: number;
  /** Requests that ended after the change and failed (any status but 200), before that first remote success. */
  failed: number;
  /** Requests that ended after the change, the first remote success included. */
  requests: number;
}

interface Timed {
  end: number;
  result: RequestResult;
}

export interface FailoverRun {
  plane: TrafficSource;
  cluster: string;
  url: string;
  remote: string;
  workload: string;
  /** Makes the change; resolves with its instant (performance.now()). */
  change: () => Promise<number>;
  timeoutMs?: number;
}

export async function timeFailover(run: FailoverRun): Promise<FailoverTiming> {
  const log: Timed[] = [];
  const clock: { changedAt?: number } = {};
  const deadline = performance.now() + (run.timeoutMs ?? 60_000);
  const after = (t: Timed) => clock.changedAt !== undefined && t.end > clock.changedAt;
  const isRemote = (t: Timed) => after(t) && t.result.status === 200 && t.result.servedByCluster === run.remote;
  const loop = (async () => {
    for (;;) {
      if (performance.now() > deadline) throw new Error(`no request from ${run.cluster} was served by ${run.remote} within ${run.timeoutMs ?? 60_000} ms of the change`);
      const [result] = await send(run.plane, run.cluster, run.url, 1, run.workload);
      if (!result) continue;
      const timed = { end: performance.now(), result };
      log.push(timed);
      if (isRemote(timed)) return timed;
    }
  })();
  // Handled here too: a deadline passing while the change is still being made must not be an unhandled rejection.
  loop.catch(() => undefined);
  // The loop runs before the change, so the first requests after it meet the data plane as it was.
  await new Promise((resolve) => setImmediate(resolve));
  const changedAt = await run.change();
  clock.changedAt = changedAt;
  const first = await loop;
  const since = log.filter(after);
  return { toRemoteMs: first.end - changedAt, failed: since.filter((t) => t.result.status !== 200).length, requests: since.length };
}

const readyEndpoints = (slice: KubeObject): number =>
  ((slice.endpoints as Array<{ conditions?: { ready?: boolean } }> | undefined) ?? []).filter((e) => e.conditions?.ready !== false).length;

/**
 * Resolves with the instant the last ready endpoint of `service` leaves its EndpointSlices (Kubernetes semantics:
 * a terminating pod's entry turns `ready: false` at once), as a watch of the store sees it.
 */
export function lastEndpointGone(store: ClusterStore, namespace: string, service: string): Promise<number> {
  const type = store.types.byKind("discovery.k8s.io", "EndpointSlice");
  if (!type) throw new Error("the lab does not serve EndpointSlices");
  const ready = () =>
    store.list(type, namespace).filter((s) => s.metadata.labels?.["kubernetes.io/service-name"] === service).reduce((n, s) => n + readyEndpoints(s), 0);
  return new Promise((resolve) => {
    let stop = (): void => undefined;
    const check = (): boolean => {
      if (ready() > 0) return false;
      stop();
      resolve(performance.now());
      return true;
    };
    stop = store.watch(type, Number(store.currentResourceVersion()), () => void check());
    check();
  });
}

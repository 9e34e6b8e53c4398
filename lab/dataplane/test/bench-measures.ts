// The data plane's figures (issue #11, "Figures to report"), measured on a lab with the hand-written mesh of
// hand-mesh.ts: throughput and latency direct and through one gateway hop, and how long a client waits, and how
// many of its requests fail, when west's details go away (scaled to 0) or go bad (503) — with XCP's outlier
// settings, and with Istio's defaults, under which a small cluster ejects nothing (measureErrorWithoutFailover).
// scripts/bench-dataplane.ts prints and records them.
import type { Lab } from "../../start";
import type { RequestResult } from "../types";
import { lastEndpointGone, timeFailover, type FailoverTiming } from "./failover-clock";
import { deleteObject, readyPods, scaleDeployment, storeOf, untilReadyPods } from "./lab-store";
import { failoverDestinationRule, fqdn } from "./mesh-fixtures";
import { untilPushed } from "./push-barrier";
import { freshWorkloads, send, serviceUrl, servedBy, untilEvery } from "./traffic";

export interface Throughput {
  /** Requests answered 200, of all sent. */
  ok: number;
  sent: number;
  /** One caller, requests back to back. */
  sequentialPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** `concurrency` callers at once, each back to back. */
  concurrentPerSecond: number;
  concurrency: number;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1] ?? Number.NaN;
};

const DETAILS = serviceUrl("details");
const fresh = freshWorkloads("bench");

/** `count` requests from `cluster` to details, one caller then `concurrency` callers (after a warm-up). */
export async function measureThroughput(lab: Lab, cluster: string, count: number, concurrency: number): Promise<Throughput> {
  const workload = fresh();
  await send(lab.dataPlane, cluster, DETAILS, 50, workload);
  let started = performance.now();
  const results: RequestResult[] = [];
  for (let left = count; left > 0; left -= 1000) results.push(...(await send(lab.dataPlane, cluster, DETAILS, Math.min(1000, left), workload)));
  const sequentialMs = performance.now() - started;
  const each = Math.max(1, Math.floor(count / concurrency));
  // Each caller is its own sidecar (its own connection pool): warmed up first, so handshakes are not measured.
  const callers = Array.from({ length: concurrency }, () => fresh());
  await Promise.all(callers.map((w) => send(lab.dataPlane, cluster, DETAILS, 20, w)));
  started = performance.now();
  const parallel = await Promise.all(callers.map((w) => send(lab.dataPlane, cluster, DETAILS, Math.min(1000, each), w)));
  const concurrentMs = performance.now() - started;
  const all = [...results, ...parallel.flat()];
  const latencies = results.map((r) => r.latencyMs);
  return {
    ok: all.filter((r) => r.status === 200).length,
    sent: all.length,
    sequentialPerSecond: (results.length / sequentialMs) * 1000,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    concurrentPerSecond: (parallel.flat().length / concurrentMs) * 1000,
    concurrency,
  };
}

/** West's requests served by the pods Ready now (not by one an earlier scale-down left Terminating until the push). */
const backInWest = (lab: Lab, workload: string) => {
  const pods = readyPods(lab, "west", "bookinfo", { app: "details" });
  const byThesePods = (r: RequestResult) => servedBy("west")(r) && pods.includes(r.servedByPod ?? "");
  return untilEvery(lab.dataPlane, "west", DETAILS, byThesePods, { what: "west's requests served by west's ready pods", workload, timeoutMs: 60_000 });
};

/** West's details-v1 scaled to 0, `reps` times: clock from the last ready endpoint leaving its EndpointSlice. */
export async function measureScaleFailover(lab: Lab, reps: number): Promise<FailoverTiming[]> {
  const out: FailoverTiming[] = [];
  for (let i = 0; i < reps; i++) {
    const workload = fresh();
    await backInWest(lab, workload);
    const change = async () => {
      const gone = lastEndpointGone(storeOf(lab, "west"), "bookinfo", "details");
      scaleDeployment(lab, "west", "bookinfo", "details-v1", 0);
      return gone;
    };
    out.push(await timeFailover({ plane: lab.dataPlane, cluster: "west", url: DETAILS, remote: "east", workload, change }));
    scaleDeployment(lab, "west", "bookinfo", "details-v1", 1);
    await untilReadyPods(lab, "west", "bookinfo", { app: "details", version: "v1" }, 1);
  }
  return out;
}

export interface ErrorFailoverTiming extends FailoverTiming {
  /** Of the STEADY requests sent right after the first remote success, how many failed (ejection capped or not). */
  failedAfter: number;
}

const STEADY = 50;

/** West's `replicas` details pods all answering 503, `reps` times, each with a new client (no ejection history). */
export async function measureErrorFailover(lab: Lab, reps: number, replicas: number): Promise<ErrorFailoverTiming[]> {
  scaleDeployment(lab, "west", "bookinfo", "details-v1", replicas);
  await untilReadyPods(lab, "west", "bookinfo", { app: "details", version: "v1" }, replicas);
  const out: ErrorFailoverTiming[] = [];
  for (let i = 0; i < reps; i++) {
    const workload = fresh();
    await backInWest(lab, workload);
    const pods = readyPods(lab, "west", "bookinfo", { app: "details" });
    const change = () => {
      for (const pod of pods) lab.dataPlane.setPodFault("west", "bookinfo", pod, { mode: "error", status: 503 });
      return Promise.resolve(performance.now());
    };
    try {
      const timing = await timeFailover({ plane: lab.dataPlane, cluster: "west", url: DETAILS, remote: "east", workload, change });
      const after = await send(lab.dataPlane, "west", DETAILS, STEADY, workload);
      out.push({ ...timing, failedAfter: after.filter((r) => r.status !== 200).length });
    } finally {
      for (const pod of pods) lab.dataPlane.setPodFault("west", "bookinfo", pod, { mode: "none" });
    }
  }
  return out;
}

export interface NoFailover {
  sent: number;
  /** Answered anything but 200. */
  failed: number;
  /** Served by east (0 when outlier detection may eject none of west's pods). */
  servedByRemote: number;
}

/**
 * West's `replicas` details pods answering 503 and `count` requests from a new client: what it sees when outlier
 * detection may not eject them (Istio's default maxEjectionPercent 10 with fewer than 10 hosts), instead of timing
 * a failover that never comes.
 */
export async function measureErrorWithoutFailover(lab: Lab, replicas: number, count = STEADY): Promise<NoFailover> {
  scaleDeployment(lab, "west", "bookinfo", "details-v1", replicas);
  await untilReadyPods(lab, "west", "bookinfo", { app: "details", version: "v1" }, replicas);
  const workload = fresh();
  await backInWest(lab, workload);
  const pods = readyPods(lab, "west", "bookinfo", { app: "details" });
  for (const pod of pods) lab.dataPlane.setPodFault("west", "bookinfo", pod, { mode: "error", status: 503 });
  try {
    const results = await send(lab.dataPlane, "west", DETAILS, count, workload);
    return { sent: results.length, failed: results.filter((r) => r.status !== 200).length, servedByRemote: results.filter(servedBy("east")).length };
  } finally {
    for (const pod of pods) lab.dataPlane.setPodFault("west", "bookinfo", pod, { mode: "none" });
  }
}

/** Without a DestinationRule for details in west, the mesh client applies Istio's outlier defaults (once pushed). */
export async function dropDetailsRule(lab: Lab): Promise<void> {
  deleteObject(lab, "west", failoverDestinationRule(fqdn("details"), "bookinfo"));
  await untilPushed(lab, "west");
}

const spread = (values: number[]) => ({ median: percentile(values, 50), max: Math.max(...values) });

export function summarise(timings: Array<FailoverTiming & { failedAfter?: number }>) {
  const after = timings.flatMap((t) => (t.failedAfter === undefined ? [] : [t.failedAfter]));
  return {
    toRemoteMs: spread(timings.map((t) => t.toRemoteMs)),
    failed: spread(timings.map((t) => t.failed)),
    ...(after.length > 0 ? { failedOfNext50: spread(after) } : {}),
    runs: timings,
  };
}

// What a probe pod asks for and what it writes, read from the Pod alone (pure; probe-pods.ts runs it).
//   metadata.annotations["eastwest.dev/probe-url"]          the URL to request through the cluster's mesh client
//   metadata.annotations["eastwest.dev/probe-interval-ms"]  time between requests (default 500, 50 … 3,600,000)
// One JSON line per request: {"ts","status","latencyMs","servedByCluster","servedByPod","error"} (the same line
// docs/real-cluster-probe.md prints with curl on a real cluster).
import type { KubeObject } from "../apiserver/types";
import type { RequestResult, SourceWorkload } from "./types";

export const PROBE_URL_ANNOTATION = "eastwest.dev/probe-url";
export const PROBE_INTERVAL_ANNOTATION = "eastwest.dev/probe-interval-ms";
export const DEFAULT_PROBE_INTERVAL_MS = 500;
/** Below this a probe would be a load generator, not a probe; above it, hardly a probe either. */
export const MIN_PROBE_INTERVAL_MS = 50;
export const MAX_PROBE_INTERVAL_MS = 3_600_000;

export interface ProbeSpec {
  url: string;
  intervalMs: number;
}

/** The probe a pod asks for; undefined when it has no (non-empty) probe URL. A bad interval falls back to the default. */
export function probeSpec(pod: KubeObject): ProbeSpec | undefined {
  const annotations = pod.metadata.annotations ?? {};
  const url = annotations[PROBE_URL_ANNOTATION]?.trim();
  if (!url) return undefined;
  const raw = annotations[PROBE_INTERVAL_ANNOTATION]?.trim();
  const asked = raw ? Number(raw) : NaN;
  const intervalMs = Number.isFinite(asked) ? Math.min(MAX_PROBE_INTERVAL_MS, Math.max(MIN_PROBE_INTERVAL_MS, Math.round(asked))) : DEFAULT_PROBE_INTERVAL_MS;
  return { url, intervalMs };
}

/** Running and not being deleted: its kubelet runs its containers (a deleted pod's containers get SIGTERM). */
export function isProbeRunning(pod: KubeObject): boolean {
  const phase = (pod.status as { phase?: unknown } | undefined)?.phase;
  return phase === "Running" && pod.metadata.deletionTimestamp === undefined;
}

/**
 * Istio's `source_workload` for a pod: its Deployment for a ReplicaSet's pod (the ReplicaSet's name less the
 * pod-template-hash), the owner for other controllers (the lab's pods name their Deployment directly), the pod
 * itself when bare.
 */
export function sourceWorkloadOf(pod: KubeObject): SourceWorkload {
  const name = pod.metadata.name ?? "";
  const owner = (pod.metadata.ownerReferences ?? []).find((ref) => ref.controller === true) ?? pod.metadata.ownerReferences?.[0];
  let workload = name;
  if (owner && typeof owner.name === "string") {
    workload = owner.name;
    const hash = pod.metadata.labels?.["pod-template-hash"];
    if (owner.kind === "ReplicaSet" && hash && workload.endsWith(`-${hash}`)) workload = workload.slice(0, -hash.length - 1);
  }
  return { namespace: pod.metadata.namespace ?? "default", workload, pod: name };
}

/** One log line, keys in the documented order; latency to 0.1 ms. */
export function probeLine(ts: Date, result: RequestResult): string {
  return JSON.stringify({
    ts: ts.toISOString(),
    status: result.status,
    latencyMs: Math.round(result.latencyMs * 10) / 10,
    servedByCluster: result.servedByCluster,
    servedByPod: result.servedByPod,
    error: result.error,
  });
}

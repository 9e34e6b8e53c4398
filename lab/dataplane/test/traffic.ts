// Traffic as the must-hold tests and the benchmark look at it: requests sent through a cluster's mesh client (what
// `POST /clusters/<c>/request` does), who served them, and polls that wait until the traffic shows a change.
import type { RequestResult } from "../types";
import { pollUntil } from "./poll";

/** What the helpers need of a running data plane (startLab's `lab.dataPlane`). */
export interface TrafficSource {
  request(cluster: string, spec: { url: string; namespace: string; count: number; workload?: string }): Promise<RequestResult[]>;
}

/** Where each cluster's requests come from: a namespace that exists there (north has `sleep`, west and east only bookinfo). */
export const CLIENT_NAMESPACE: Record<string, string> = { west: "bookinfo", east: "bookinfo", north: "sleep" };

export const serviceUrl = (service: string, namespace = "bookinfo"): string => `http://${service}.${namespace}.svc.cluster.local:9080/`;

export function send(plane: TrafficSource, cluster: string, url: string, count: number, workload?: string): Promise<RequestResult[]> {
  const namespace = CLIENT_NAMESPACE[cluster] ?? "default";
  return plane.request(cluster, { url, namespace, count, ...(workload ? { workload } : {}) });
}

export const ok = (r: RequestResult): boolean => r.status === 200;
export const servedBy = (cluster: string) => (r: RequestResult): boolean => r.status === 200 && r.servedByCluster === cluster;

/** One line per distinct outcome ("200 east", "503 UH no healthy upstream" …) with its count, for failure messages. */
export function outcomes(results: readonly RequestResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const key = r.status === 200 ? `200 ${r.servedByCluster ?? "?"}` : `${r.status} ${r.responseFlags} ${r.error ?? ""}`.trim();
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export interface Settled {
  /** The batch that satisfied the condition. */
  batch: RequestResult[];
  /** Every request sent before that batch, in order (what a client saw during the change). */
  before: RequestResult[];
}

/**
 * Sends batches of `batchSize` until one batch satisfies `every` in every request (traffic has moved), or the
 * deadline passes; the error then names the last batch's outcomes. `workload` as a function names each batch's
 * source anew: outlier detection is per source workload, so a fresh one sees the mesh without earlier ejections.
 */
export async function untilEvery(
  plane: TrafficSource,
  cluster: string,
  url: string,
  every: (r: RequestResult) => boolean,
  options: { what: string; batchSize?: number; timeoutMs?: number; workload?: string | (() => string) },
): Promise<Settled> {
  const workload = typeof options.workload === "function" ? options.workload : () => options.workload as string | undefined;
  const before: RequestResult[] = [];
  let last: RequestResult[] = [];
  try {
    const batch = await pollUntil(options.what, async () => {
      last = await send(plane, cluster, url, options.batchSize ?? 6, workload());
      if (last.every(every)) return last;
      before.push(...last);
      return undefined;
    }, { timeoutMs: options.timeoutMs ?? 15_000 });
    return { batch, before };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}; last batch: ${JSON.stringify(outcomes(last))}`);
  }
}

/** Source workload names never used before in this process ("<prefix>-1", "-2" …): no outlier state of their own. */
export function freshWorkloads(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** Envoy's flags for a request whose upstream connection failed or was reset (retried or not). */
export const CONNECT_FAILURE = /UF|UC|URX/;

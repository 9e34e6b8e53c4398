// Requests sent on demand from inside a cluster (the admin endpoint's POST /clusters/<c>/request and the CLI):
// one after another, as `for i in $(seq N); do curl …; done` from a pod would, so each sees the outlier state the
// previous ones left. Only the caller-visible fields are kept (the body is the application's business).
import type { MeshClient, RequestResult } from "./types";

export const MAX_REQUESTS = 1000;

export interface RequestsSpec {
  url: string;
  /** The source pod's namespace (its metrics' source_workload_namespace). */
  namespace: string;
  count: number;
  /** The source workload; "lab-request" (a pod that exists only to send these) when unset. */
  workload?: string;
}

export async function sendRequests(client: MeshClient, spec: RequestsSpec): Promise<RequestResult[]> {
  if (!Number.isInteger(spec.count) || spec.count < 1 || spec.count > MAX_REQUESTS) {
    throw new RangeError(`lab: count must be an integer from 1 to ${MAX_REQUESTS} (got ${spec.count})`);
  }
  const source = { namespace: spec.namespace, workload: spec.workload ?? "lab-request" };
  const results: RequestResult[] = [];
  for (let i = 0; i < spec.count; i++) {
    const { status, latencyMs, servedByCluster, servedByPod, error, responseFlags } = await client.request({ url: spec.url, source });
    results.push({ status, latencyMs, servedByCluster, servedByPod, error, responseFlags });
  }
  return results;
}

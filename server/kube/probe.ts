import { ClusterError, toClusterError } from "./cluster-error";
import { withDeadline } from "./deadline";
import { kubeRequest } from "./kube-http";
import type { ClusterHandle } from "./kubeconfig";

export type ProbeOutcome =
  | { ok: true; version: string; latencyMs: number }
  | { ok: false; error: ClusterError };

/**
 * Asks one cluster for `/version` — the cheapest authenticated call every API server
 * serves — with a hard timeout. Resolves, never rejects: failures come back as data.
 */
export async function probeCluster(handle: ClusterHandle, timeoutMs: number): Promise<ProbeOutcome> {
  const kc = handle.kubeConfig;
  if (!kc) {
    return { ok: false, error: new ClusterError(handle.name, "unknown", handle.problem ?? "Unusable context.") };
  }
  const started = performance.now();
  try {
    // A fresh connection per probe: a kept-alive socket to a server that has since stopped listening would
    // otherwise report a dead cluster as reachable.
    const info = (await withDeadline(timeoutMs, (signal) => kubeRequest(kc, { method: "GET", path: "/version", headers: { Connection: "close" } }, signal))) as { gitVersion?: unknown } | undefined;
    const version = typeof info?.gitVersion === "string" && info.gitVersion !== "" ? info.gitVersion : "unknown";
    return { ok: true, version, latencyMs: performance.now() - started };
  } catch (err) {
    return { ok: false, error: toClusterError(handle.name, err, timeoutMs) };
  }
}

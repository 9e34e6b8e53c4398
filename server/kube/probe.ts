import {
  Observable,
  VersionApi,
  type ObservableMiddleware,
  type RequestContext,
  type ResponseContext,
} from "@kubernetes/client-node";
import { ClusterError, toClusterError } from "./cluster-error";
import type { ClusterHandle } from "./kubeconfig";

export type ProbeOutcome =
  | { ok: true; version: string; latencyMs: number }
  | { ok: false; error: ClusterError };

/**
 * Asks one cluster for `/version` — the cheapest authenticated call every API server
 * serves — with a hard timeout. Resolves, never rejects: failures come back as data.
 */
export async function probeCluster(handle: ClusterHandle, timeoutMs: number): Promise<ProbeOutcome> {
  if (!handle.kubeConfig) {
    return { ok: false, error: new ClusterError(handle.name, "unknown", handle.problem ?? "Unusable context.") };
  }
  const api = handle.kubeConfig.makeApiClient(VersionApi);
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The abort covers the HTTP request; the race also covers what runs before it (an exec
  // credential plugin, a token file read) so one stuck cluster never stalls the refresh.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(Object.assign(new Error("probe deadline"), { name: "AbortError" }));
    }, timeoutMs);
  });
  const started = performance.now();
  try {
    const options = { middleware: [probeMiddleware(controller.signal)], middlewareMergeStrategy: "append" as const };
    // Observable-style middleware: the object-param API passes options through unwrapped.
    const info = await Promise.race([api.getCode({}, options), deadline]);
    return { ok: true, version: info.gitVersion || "unknown", latencyMs: performance.now() - started };
  } catch (err) {
    return { ok: false, error: toClusterError(handle.name, err, timeoutMs) };
  } finally {
    clearTimeout(timer);
  }
}

function probeMiddleware(signal: AbortSignal): ObservableMiddleware {
  return {
    pre: (ctx: RequestContext) => {
      ctx.setSignal(signal);
      // A fresh connection per probe: a kept-alive socket to a server that has since
      // stopped listening would otherwise report a dead cluster as reachable.
      ctx.setHeaderParam("Connection", "close");
      return new Observable(Promise.resolve(ctx));
    },
    post: (ctx: ResponseContext) => new Observable(Promise.resolve(ctx)),
  };
}

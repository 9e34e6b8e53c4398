// What a sidecar does for an application's outbound HTTP request, from its own cluster's view (mesh-view.ts):
//   - a host neither a Service nor a ServiceEntry declares: the application's DNS lookup fails (kube-dns has no
//     such name; Istio's DNS proxy answers only for its ServiceEntries), so the request never reaches the sidecar:
//     status 0, `getaddrinfo ENOTFOUND <host>`, no metrics;
//   - a known host on a port it does not have: Envoy's 404 with flag NR (no route);
//   - otherwise a host is picked (mesh-upstream.ts: priority load with 1.4 overprovisioning, outlier detection
//     per source workload and upstream cluster, round robin) and dialled (mesh-dial.ts). No host: 503 "no healthy
//     upstream", flag UH;
//   - Istio's default retry policy applies (it sets one on every route): 2 retries on connect-failure,
//     refused-stream, unavailable, cancelled and retriable-status-codes 503, another host when there is one, after
//     Envoy's jittered back-off (25 ms base). Exhausted retries add the flag URX ("UF,URX" for connect failures);
//   - the caller's timeout (default 5 s; Envoy's route timeout is off by default, so only the caller gives up):
//     status 0 for the application, and the sidecar logs the request as a downstream disconnect (code 0, DC).
// Every request that reached the sidecar is counted by the source reporter (Istio's standard metrics).
import { setTimeout as delay } from "node:timers/promises";
import { createDialer, type DialResult } from "./mesh-dial";
import { CONNECT_FAILURE, CONNECTION_TERMINATION, localReply, NO_HEALTHY_UPSTREAM, noResponse, servedWorkload, upstreamReply } from "./mesh-reply";
import { hostKey, UpstreamCluster } from "./mesh-upstream";
import type { ClusterDataPlaneContext, MeshClient, MeshRequest, MeshResponse, MeshView, Resolution, Workloads } from "./types";

export const DEFAULT_TIMEOUT_MS = 5000;
export const ISTIO_DEFAULT_RETRIES = 2;
const BACKOFF_BASE_MS = 25;
const BACKOFF_MAX_MS = 250;

export interface MeshClientOptions {
  /** Uniform in [0, 1): picks the priority (Envoy hashes a random number). */
  random?: () => number;
}

type Routed = Extract<Resolution, { ok: true }>;
type Outcome = { reply: MeshResponse; served?: DialResult };

function target(url: string): URL | undefined {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`);
  } catch {
    return undefined;
  }
}

/** Envoy's fully jittered back-off before retry n (1-based): uniform in [0, (2^n − 1) × 25 ms], at most 250 ms. */
export function backoffMs(retry: number, random: () => number): number {
  return Math.floor(random() * Math.min(BACKOFF_MAX_MS, (2 ** retry - 1) * BACKOFF_BASE_MS));
}

export function createMeshClient(ctx: ClusterDataPlaneContext, deps: { view: MeshView; workloads: Workloads }, options: MeshClientOptions = {}): MeshClient & { close(): void } {
  const random = options.random ?? Math.random;
  const dialer = createDialer({
    workloads: deps.workloads, ca: ctx.ca,
    // One certificate for the client, issued on its first remote request (the lab's sidecars share an identity).
    identity: { commonName: `sidecar.${ctx.cluster}`, uri: `spiffe://cluster.local/ns/istio-system/sa/${ctx.cluster}-sidecar` },
  });
  // Outlier detection and round robin are each sidecar's own: state per source workload, then per host:port.
  const upstreams = new Map<string, Map<string, UpstreamCluster>>();
  const upstreamFor = (source: MeshRequest["source"], resolution: Routed): UpstreamCluster => {
    const sourceKey = `${source.namespace}/${source.workload}`;
    let bySource = upstreams.get(sourceKey);
    if (!bySource) upstreams.set(sourceKey, (bySource = new Map()));
    const key = `${resolution.host}:${resolution.port}`;
    let upstream = bySource.get(key);
    if (!upstream) bySource.set(key, (upstream = new UpstreamCluster(resolution, Date.now())));
    else upstream.refresh(resolution, Date.now());
    return upstream;
  };

  async function route(request: MeshRequest, url: URL, resolution: Routed, signal: AbortSignal, started: number): Promise<Outcome> {
    const upstream = upstreamFor(request.source, resolution);
    const ms = (): number => performance.now() - started;
    const timedOut = (): Outcome => ({ reply: noResponse(`request timed out after ${request.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`, "DC", ms()) });
    const tried = new Set<string>();
    for (let attempt = 0; ; attempt++) {
      const endpoint = upstream.pick(random() * 100, tried, Date.now());
      if (!endpoint) return { reply: localReply(503, NO_HEALTHY_UPSTREAM, "UH", ms()) };
      tried.add(hostKey(endpoint));
      const headers = { "x-source-cluster": ctx.cluster, "x-source-workload": request.source.workload, "x-source-namespace": request.source.namespace };
      const result = await dialer.dial({ sidecar: `${request.source.namespace}/${request.source.workload}`, endpoint, method: "GET", path: `${url.pathname}${url.search}`, host: url.host, headers, signal });
      // The caller gave up (even if part of a response had come): what it got is no response.
      if (result.kind === "aborted" || signal.aborted) return timedOut();
      upstream.report(endpoint, result.kind === "response" ? { kind: "response", status: result.status } : { kind: "local-failure" }, Date.now());
      const retriable = result.kind === "connect-failure" || (result.kind === "response" && result.status === 503);
      if (!retriable || attempt === ISTIO_DEFAULT_RETRIES) {
        const exhausted = retriable ? "URX" : "";
        if (result.kind === "response") return { reply: upstreamReply(result.status, result.headers, result.body, exhausted || "-", ms()), served: result };
        if (result.kind === "reset") return { reply: localReply(503, CONNECTION_TERMINATION, "UC", ms()) };
        return { reply: localReply(503, CONNECT_FAILURE, exhausted ? "UF,URX" : "UF", ms()) };
      }
      try {
        await delay(backoffMs(attempt + 1, random), undefined, { signal });
      } catch {
        return timedOut();
      }
    }
  }

  async function request(request: MeshRequest): Promise<MeshResponse> {
    const started = performance.now();
    const url = target(request.url);
    if (!url) return noResponse(`invalid URL: ${request.url}`, "-", 0);
    const port = url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port);
    const resolution = deps.view.resolve(url.hostname, port);
    if (!resolution.ok && resolution.reason === "unknown-host") {
      return noResponse(`getaddrinfo ENOTFOUND ${url.hostname}`, "-", performance.now() - started);
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const outcome = resolution.ok
      ? await route(request, url, resolution, controller.signal, started).finally(() => clearTimeout(timer))
      : (clearTimeout(timer), { reply: localReply(404, "", "NR", performance.now() - started) });
    const served = servedWorkload(outcome.served?.kind === "response" ? outcome.served.headers : undefined);
    ctx.telemetry.record({
      reporter: "source",
      sourceCluster: ctx.cluster,
      sourceWorkload: request.source.workload,
      sourceWorkloadNamespace: request.source.namespace,
      destinationCluster: served.cluster,
      destinationService: resolution.host,
      destinationWorkload: served.workload,
      destinationWorkloadNamespace: served.namespace,
      responseCode: outcome.reply.status,
      responseFlags: outcome.reply.responseFlags,
      durationMs: outcome.reply.latencyMs,
    });
    return outcome.reply;
  }

  return { request, close: () => dialer.close() };
}

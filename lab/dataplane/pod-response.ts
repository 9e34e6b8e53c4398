// How a served pod answers one request: the injected fault first (latency, then a 5xx), then its app (bookinfo's
// services, or a generic JSON for any other image), with the headers that say who served it, and one sample for
// the destination reporter (what the pod's sidecar would count on its inbound side).
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import { bookinfoAnswer, isBookinfo, type AppRequest, type AppResponse } from "./bookinfo-app";
import type { PodRequestHandler } from "./pod-server";
import type { MeshClient, PodTrafficFault, Telemetry } from "./types";
import type { ServedPod } from "./workload-identity";

export interface PodResponderDeps {
  cluster: string;
  telemetry: Telemetry;
  mesh: () => MeshClient;
  /** The pod as it is now (undefined once it no longer runs). */
  pod(): ServedPod | undefined;
  fault(): PodTrafficFault;
  /** The FQDN of the Service the request was for (Istio's `destination_service`). */
  destinationService(pod: ServedPod, host: string | undefined): string;
}

/** Headers a caller's sidecar adds about itself (the mesh client sets them; anything else is "unknown"). */
function sourceOf(headers: IncomingHttpHeaders): { cluster: string; workload: string; namespace: string } {
  const one = (name: string): string => {
    const value = headers[name];
    const text = Array.isArray(value) ? value[0] : value;
    return text && text !== "" ? text : "unknown";
  };
  return { cluster: one("x-source-cluster"), workload: one("x-source-workload"), namespace: one("x-source-namespace") };
}

export function appAnswer(req: AppRequest): Promise<AppResponse> {
  if (isBookinfo(req.pod)) return bookinfoAnswer(req);
  const { pod } = req;
  const body = {
    service: pod.labels.app ?? pod.workload, version: pod.labels.version ?? null, cluster: req.cluster,
    namespace: pod.namespace, pod: pod.name, method: req.method, path: req.path,
  };
  return Promise.resolve({ status: 200, body });
}

async function respond(deps: PodResponderDeps, pod: ServedPod, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const fault = deps.fault();
  if (fault.mode === "latency" && fault.latencyMs > 0) await delay(fault.latencyMs);
  if (res.destroyed) return;
  res.setHeader("x-served-by-cluster", deps.cluster);
  res.setHeader("x-served-by-pod", pod.name);
  res.setHeader("x-served-by-workload", pod.workload);
  res.setHeader("x-served-by-namespace", pod.namespace);
  // An app shutting down (SIGTERM received) finishes what it has and takes no further requests on this connection.
  if (pod.terminating) res.shouldKeepAlive = false;
  if (fault.mode === "error") {
    res.writeHead(fault.status ?? 503, { "content-type": "text/plain" });
    res.end(fault.body ?? "fault injected");
    return;
  }
  const path = new URL(req.url ?? "/", "http://pod").pathname;
  const answer = await appAnswer({ pod, cluster: deps.cluster, method: req.method ?? "GET", path, mesh: deps.mesh });
  if (res.destroyed) return;
  res.writeHead(answer.status, { "content-type": "application/json" });
  res.end(JSON.stringify(answer.body));
}

export function podResponder(deps: PodResponderDeps): PodRequestHandler {
  return (req, res) => {
    const pod = deps.pod();
    if (!pod) {
      req.socket.destroy(); // the app is gone: the connection dies with it
      return;
    }
    req.resume();
    const started = performance.now();
    const source = sourceOf(req.headers);
    const destinationService = deps.destinationService(pod, req.headers.host);
    res.once("close", () => {
      // A response cut short (the client went, or the pod was stopped) is Envoy's "DC" with no response code.
      const finished = res.writableFinished;
      deps.telemetry.record({
        reporter: "destination",
        sourceCluster: source.cluster,
        sourceWorkload: source.workload,
        sourceWorkloadNamespace: source.namespace,
        destinationCluster: deps.cluster,
        destinationService,
        destinationWorkload: pod.workload,
        destinationWorkloadNamespace: pod.namespace,
        responseCode: finished ? res.statusCode : 0,
        responseFlags: finished ? "-" : "DC",
        durationMs: performance.now() - started,
      });
    });
    respond(deps, pod, req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
}

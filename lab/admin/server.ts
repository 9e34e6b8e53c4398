// The lab's admin HTTP server (never part of the Kubernetes API surface): health, the cluster list with each
// cluster's current fault, fault injection per cluster (API refused/hung/401/latency) and per pod (fail/stop), each
// cluster's API audit trail (who wrote or was refused what), and the data plane's routes (data-plane-routes.ts:
// requests from inside a cluster, pod and gateway traffic faults).
// Everything but `GET /healthz` needs the lab's bearer token (token.ts), and nothing is served to a browser
// (refusal.ts): a web page must never be able to cut a cluster off.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleDataPlaneRoute, matchDataPlaneRoute, type AdminDataPlane } from "./data-plane-routes";
import { parseFault, parsePodFault, type Fault, type PodFaultMode } from "./fault";
import { readBody, send, TOO_LARGE } from "./http";
import { refusal } from "./refusal";

export interface AdminCluster {
  name: string;
  url: string;
  /** The cluster's Istio metrics (Prometheus text) when the data plane runs. */
  metricsUrl?: string;
}

export interface AdminTarget {
  clusters(): AdminCluster[];
  fault(cluster: string): Fault;
  setFault(cluster: string, fault: Fault): Promise<void>;
  /** False when the pod does not exist. */
  setPodFault(cluster: string, namespace: string, pod: string, mode: PodFaultMode): boolean;
  /** The cluster's API audit trail (writes and refusals, with the user and who impersonated it). */
  audit?(cluster: string): unknown[];
  /** Requests and traffic faults (data-plane-routes.ts); unset when the lab runs without a data plane (→ 409). */
  dataPlane?: AdminDataPlane;
}

export interface AdminServer {
  url: string;
  close(): Promise<void>;
}

async function handle(target: AdminTarget, token: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? "/", "http://admin").pathname;
  const method = req.method ?? "GET";
  const refused = refusal(req, path, token);
  if (refused) return send(res, refused.code, { error: refused.message }, refused.headers);
  // Open for readiness polls (playwright's webServer), and says nothing but that the lab is up.
  if (path === "/healthz") return method === "GET" ? send(res, 200, "ok") : send(res, 405, { error: "use GET" });
  if (path === "/clusters") {
    if (method !== "GET") return send(res, 405, { error: "use GET" });
    return send(res, 200, target.clusters().map((c) => ({ ...c, fault: target.fault(c.name) })));
  }
  const dataPlaneRoute = matchDataPlaneRoute(path);
  if (dataPlaneRoute) {
    if (!target.clusters().some((c) => c.name === dataPlaneRoute.cluster)) return send(res, 404, { error: unknownCluster(target, dataPlaneRoute.cluster) });
    return handleDataPlaneRoute(target.dataPlane, dataPlaneRoute, req, res);
  }
  const auditMatch = /^\/clusters\/([^/]+)\/audit$/.exec(path);
  if (auditMatch) return handleAudit(target, method, decodeURIComponent(auditMatch[1] ?? ""), res);
  const podMatch = /^\/clusters\/([^/]+)\/pods\/([^/]+)\/([^/]+)\/fault$/.exec(path);
  if (podMatch) return handlePodFault(target, req, res, podMatch.slice(1).map((p) => decodeURIComponent(p ?? "")));
  const match = /^\/clusters\/([^/]+)\/fault$/.exec(path);
  if (!match) return send(res, 404, { error: `no such endpoint: ${path}` });
  const name = decodeURIComponent(match[1] ?? "");
  const cluster = target.clusters().find((c) => c.name === name);
  if (!cluster) return send(res, 404, { error: unknownCluster(target, name) });
  if (method === "GET") return send(res, 200, { ...cluster, fault: target.fault(name) });
  if (method !== "POST") return send(res, 405, { error: "use GET or POST" });
  const body = await readBody(req);
  if (body === undefined) return send(res, 413, TOO_LARGE, { Connection: "close" });
  const parsed = parseFault(body);
  if (!parsed.ok) return send(res, 400, { error: parsed.message });
  await target.setFault(name, parsed.fault);
  send(res, 200, { ...cluster, fault: parsed.fault });
}

function unknownCluster(target: AdminTarget, name: string): string {
  return `unknown cluster "${name}"; known: ${target.clusters().map((c) => c.name).join(", ")}`;
}

function handleAudit(target: AdminTarget, method: string, cluster: string, res: ServerResponse): void {
  if (!target.clusters().some((c) => c.name === cluster)) return send(res, 404, { error: unknownCluster(target, cluster) });
  if (method !== "GET") return send(res, 405, { error: "use GET" });
  send(res, 200, target.audit?.(cluster) ?? []);
}

async function handlePodFault(target: AdminTarget, req: IncomingMessage, res: ServerResponse, [cluster = "", namespace = "", pod = ""]: string[]): Promise<void> {
  if (!target.clusters().some((c) => c.name === cluster)) return send(res, 404, { error: unknownCluster(target, cluster) });
  if (req.method !== "POST") return send(res, 405, { error: "use POST" });
  const body = await readBody(req);
  if (body === undefined) return send(res, 413, TOO_LARGE, { Connection: "close" });
  const parsed = parsePodFault(body);
  if (!parsed.ok) return send(res, 400, { error: parsed.message });
  if (!target.setPodFault(cluster, namespace, pod, parsed.mode)) return send(res, 404, { error: `pod ${namespace}/${pod} not found in cluster "${cluster}"` });
  send(res, 200, { cluster, namespace, pod, mode: parsed.mode });
}

/** `token`: what `Authorization: Bearer …` must carry (token.ts). */
export function startAdminServer(target: AdminTarget, options: { token: string; host?: string; port?: number }): Promise<AdminServer> {
  const host = options.host ?? "127.0.0.1";
  const server = createServer((req, res) => {
    handle(target, options.token, req, res).catch((error: unknown) => send(res, 500, { error: (error as Error).message }));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${port}`,
        close: () => new Promise((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

// One cluster's metrics endpoint: what Prometheus scrapes. Istio's sidecars serve their merged metrics on
// :15020/stats/prometheus (and Envoy's own on :15090/stats/prometheus); the lab serves the whole cluster's
// proxies from one port, on that path and on the conventional /metrics.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Telemetry } from "./types";

export interface MetricsServer {
  /** `http://<host>:<port>/metrics`: what the lab prints and lists on `GET /clusters`. */
  url: string;
  close(): Promise<void>;
}

const PATHS = new Set(["/metrics", "/stats/prometheus"]);
/** The classic text exposition format every Prometheus version scrapes. */
const CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

async function answer(telemetry: Telemetry, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? "/", "http://metrics.invalid").pathname;
  if (!PATHS.has(path)) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("404 page not found\n");
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" }).end("method not allowed\n");
    return;
  }
  const text = await telemetry.text();
  res.writeHead(200, { "Content-Type": CONTENT_TYPE, "Content-Length": Buffer.byteLength(text) });
  res.end(req.method === "HEAD" ? undefined : text);
}

/** Listens on `host`, port chosen by the system (parallel labs never collide). */
export async function startMetricsServer(telemetry: Telemetry, host: string): Promise<MetricsServer> {
  const server = createServer((req, res) => {
    answer(telemetry, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(`${error instanceof Error ? error.message : String(error)}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A scraper keeps its connection alive between scrapes; closing must not wait for it to time out.
        server.closeAllConnections();
      }),
  };
}

// `npm run demo`'s Prometheus: when Debian's prometheus is installed, one is started scraping the running lab's
// per-cluster Istio metrics endpoints (listed by the lab's admin endpoint, GET /clusters → metricsUrl), its data
// beside the lab's kubeconfig; otherwise one line says how to get it. Never fatal: the demo runs without it.
import type { ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { adminTokenPath } from "../lab/admin/token";
import { findPrometheus, PROMETHEUS_INSTALL_HINT, startPrometheus } from "../lab/dataplane/prometheus";
import { targetsOf } from "../lab/dataplane/prometheus-config";

export const RATE_QUERY = 'sum by (destination_cluster) (rate(istio_requests_total{reporter="source"}[1m]))';

export interface DemoPrometheus {
  /** The child to stop with the others (none when Prometheus is not running). */
  children: ChildProcess[];
  /** What the demo prints about it. */
  message: string;
}

/** The lab's admin URL from the lab's own arguments (its defaults: 127.0.0.1, port 17400; 0 = unknown ephemeral). */
export function adminUrlOf(labArgs: string[]): string | undefined {
  const { values } = parseArgs({ args: labArgs, options: { host: { type: "string" }, "admin-port": { type: "string" } }, strict: false });
  const host = typeof values.host === "string" ? values.host : "127.0.0.1";
  const port = typeof values["admin-port"] === "string" ? values["admin-port"] : "17400";
  if (port === "0") return undefined;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

async function metricsUrls(adminUrl: string, kubeconfig: string): Promise<Record<string, string>> {
  const token = (await readFile(adminTokenPath(kubeconfig), "utf8")).trim();
  const res = await fetch(`${adminUrl}/clusters`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${adminUrl}/clusters answered ${res.status}`);
  const clusters = (await res.json()) as Array<{ name: string; metricsUrl?: string }>;
  return Object.fromEntries(clusters.filter((c) => c.metricsUrl).map((c) => [c.name, c.metricsUrl ?? ""]));
}

export async function startDemoPrometheus(labArgs: string[], kubeconfig: string): Promise<DemoPrometheus> {
  const binary = findPrometheus();
  if (!binary) return { children: [], message: `Prometheus is not installed; to graph each cluster's request rates: sudo ${PROMETHEUS_INSTALL_HINT}, then npm run demo again.` };
  try {
    const adminUrl = adminUrlOf(labArgs);
    if (!adminUrl) return { children: [], message: "Prometheus not started: the lab's admin port is ephemeral (--admin-port 0), so its metrics endpoints are unknown here." };
    const urls = await metricsUrls(adminUrl, kubeconfig);
    if (Object.keys(urls).length === 0) return { children: [], message: "Prometheus not started: the lab lists no metrics endpoints (is its data plane off?)." };
    const prometheus = await startPrometheus(targetsOf(urls), { binary, dir: join(dirname(kubeconfig), "prometheus") });
    const clusters = Object.keys(urls).sort().join(", ");
    return {
      children: [prometheus.process],
      message: `Prometheus is running at ${prometheus.url}, scraping Istio's metrics of ${clusters} every second; try ${prometheus.url}/graph?g0.expr=${encodeURIComponent(RATE_QUERY)}`,
    };
  } catch (error) {
    return { children: [], message: `Prometheus could not start: ${error instanceof Error ? error.message : String(error)}` };
  }
}

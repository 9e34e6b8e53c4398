// `npm run demo`'s Prometheus: when Debian's prometheus is installed, one is started scraping the running lab's
// per-cluster Istio metrics endpoints (listed by the lab's admin endpoint, GET /clusters → metricsUrl), its data
// beside the lab's kubeconfig; otherwise one line says how to get it. Never fatal: the demo runs without it.
// Its URL goes to the console as EASTWEST_PROMETHEUS_URL (scripts/demo.ts).
//
// Also a command, for the e2e's workspace lab (playwright.config.ts starts it between that lab and its console):
//   tsx scripts/demo-prometheus.ts --admin-port 17491 --kubeconfig .lab/e2e-workspace/kubeconfig --port 19490
// runs until signalled, on the fixed port the console is told of; there, a Prometheus that cannot start is fatal.
import type { ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { adminTokenPath } from "../lab/admin/token";
import { findPrometheus, PROMETHEUS_INSTALL_HINT, startPrometheus } from "../lab/dataplane/prometheus";
import { targetsOf } from "../lab/dataplane/prometheus-config";

export const RATE_QUERY = 'sum by (destination_cluster) (rate(istio_requests_total{reporter="source"}[1m]))';

export interface DemoPrometheus {
  /** The child to stop with the others (none when Prometheus is not running). */
  children: ChildProcess[];
  /** Its base URL when it runs (the console's EASTWEST_PROMETHEUS_URL). */
  url?: string;
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

export async function startDemoPrometheus(labArgs: string[], kubeconfig: string, options: { port?: number } = {}): Promise<DemoPrometheus> {
  const binary = findPrometheus();
  if (!binary) return { children: [], message: `Prometheus is not installed; to graph each cluster's request rates: sudo ${PROMETHEUS_INSTALL_HINT}, then npm run demo again.` };
  try {
    const adminUrl = adminUrlOf(labArgs);
    if (!adminUrl) return { children: [], message: "Prometheus not started: the lab's admin port is ephemeral (--admin-port 0), so its metrics endpoints are unknown here." };
    const urls = await metricsUrls(adminUrl, kubeconfig);
    if (Object.keys(urls).length === 0) return { children: [], message: "Prometheus not started: the lab lists no metrics endpoints (is its data plane off?)." };
    const prometheus = await startPrometheus(targetsOf(urls), { binary, dir: join(dirname(kubeconfig), "prometheus"), ...(options.port ? { port: options.port } : {}) });
    const clusters = Object.keys(urls).sort().join(", ");
    return {
      children: [prometheus.process],
      url: prometheus.url,
      message: `Prometheus is running at ${prometheus.url}, scraping Istio's metrics of ${clusters} every second; try ${prometheus.url}/graph?g0.expr=${encodeURIComponent(RATE_QUERY)}`,
    };
  } catch (error) {
    return { children: [], message: `Prometheus could not start: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The command (see the header): fails when Prometheus does not run, stops it on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { "admin-port": { type: "string" }, kubeconfig: { type: "string" }, port: { type: "string" } }, strict: true });
  const port = Number(values.port);
  if (!values.kubeconfig || !values["admin-port"] || !Number.isInteger(port) || port <= 0) {
    throw new Error("usage: tsx scripts/demo-prometheus.ts --admin-port N --kubeconfig PATH --port N");
  }
  const demo = await startDemoPrometheus(["--admin-port", values["admin-port"]], resolve(values.kubeconfig), { port });
  const child = demo.children[0];
  if (!child) throw new Error(demo.message);
  console.log(demo.message);
  // The console was told this port: a Prometheus elsewhere would read as "does not answer" there.
  if (!demo.url?.endsWith(`:${port}`)) {
    child.kill("SIGTERM");
    throw new Error(`Prometheus listens at ${demo.url ?? "?"}, not on port ${port} (lab/dataplane/prometheus.ts must honour options.port)`);
  }
  const stop = () => void child.kill("SIGTERM");
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  child.once("exit", (code, signal) => process.exit(signal === "SIGTERM" ? 0 : (code ?? 1)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main().catch((error: unknown) => {
    console.error(`prometheus: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}

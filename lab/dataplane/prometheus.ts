// Runs Debian's Prometheus (2.42, `apt-get install -y --no-install-recommends prometheus`; it starts no service)
// against a lab's per-cluster metrics endpoints: a config from prometheus-config.ts in a temp dir, its TSDB
// beside it, the web UI/API on a free loopback port. Used by the Prometheus integration test and `npm run demo`.
import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prometheusConfigYaml, type ScrapeTarget } from "./prometheus-config";

export const PROMETHEUS_PATH = process.env.PROMETHEUS_PATH ?? "/usr/bin/prometheus";
export const PROMETHEUS_INSTALL_HINT = "apt-get install -y --no-install-recommends prometheus (as root), or set PROMETHEUS_PATH";

/** The Prometheus binary when it is there and executable. */
export function findPrometheus(path = PROMETHEUS_PATH): string | undefined {
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    return undefined;
  }
}

export interface PrometheusOptions {
  binary?: string;
  /** Where the UI/API listens (default 127.0.0.1). */
  host?: string;
  /** Scrape interval in seconds (default 1). */
  intervalSeconds?: number;
  /** How long to wait for /-/ready (default 30 s). */
  readyTimeoutMs?: number;
  /** Where its config and TSDB go, emptied first and kept after stop(); default a new temp dir, removed on stop(). */
  dir?: string;
  /** A fixed listen port (a console started beside it must know the URL beforehand); default a free one. */
  port?: number;
}

export interface PromSample {
  metric: Record<string, string>;
  value: number;
}

export interface RunningPrometheus {
  /** `http://127.0.0.1:<port>`: the UI, and the HTTP API under /api/v1. */
  url: string;
  process: ChildProcess;
  /** An instant query (`/api/v1/query`): the vector's samples. */
  query(promql: string): Promise<PromSample[]>;
  /** Stops Prometheus and removes its config and data (unless they were put in `dir`). */
  stop(): Promise<void>;
}

/** A port the system considers free now (Prometheus needs an explicit --web.listen-address; there is a small race). */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function queryPrometheus(url: string, promql: string): Promise<PromSample[]> {
  const res = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query: promql }).toString()}`);
  const body = (await res.json()) as { status: string; error?: string; data?: { resultType: string; result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
  if (body.status !== "success" || !body.data) throw new Error(`prometheus: query ${promql} failed: ${body.error ?? res.status}`);
  if (body.data.resultType !== "vector") throw new Error(`prometheus: query ${promql} gave a ${body.data.resultType}, not a vector`);
  return body.data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // SIGTERM lets it close the TSDB; a Prometheus that does not stop in 10 s is killed.
    const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Resolves once /-/ready answers 200; rejects when the process exits first or the deadline passes. */
async function waitReady(url: string, child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`prometheus exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${stderr()}`);
    const ok = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`prometheus was not ready at ${url} within ${timeoutMs} ms:\n${stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function launch(binary: string, dir: string, host: string, timeoutMs: number, fixedPort?: number): Promise<{ url: string; child: ChildProcess }> {
  const port = fixedPort ?? (await freePort(host));
  const url = `http://${host}:${port}`;
  const args = [`--config.file=${join(dir, "prometheus.yml")}`, `--storage.tsdb.path=${join(dir, "data")}`, `--web.listen-address=${host}:${port}`, "--log.level=warn"];
  const child = spawn(binary, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4000)));
  child.once("error", (error) => void (stderr += `\n${error.message}`));
  try {
    await waitReady(url, child, timeoutMs, () => stderr);
    return { url, child };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

/** Starts Prometheus scraping `targets`; throws with the hint when there is no binary. */
export async function startPrometheus(targets: ScrapeTarget[], options: PrometheusOptions = {}): Promise<RunningPrometheus> {
  const binary = options.binary ?? findPrometheus();
  if (!binary || !findPrometheus(binary)) throw new Error(`prometheus not found at ${options.binary ?? PROMETHEUS_PATH}: ${PROMETHEUS_INSTALL_HINT}`);
  const host = options.host ?? "127.0.0.1";
  // A kept dir is emptied first: another lab's series (other ports, other clusters) would show beside this one's.
  if (options.dir) await rm(options.dir, { recursive: true, force: true });
  if (options.dir) await mkdir(options.dir, { recursive: true });
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), "eastwest-prometheus-")));
  const removeDir = (): Promise<void> => (options.dir ? Promise.resolve() : rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, "prometheus.yml"), prometheusConfigYaml(targets, { intervalSeconds: options.intervalSeconds ?? 1 }));
  let lastError: unknown;
  // Another process may take the free port between our probe and Prometheus' bind: try a new port then.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const { url, child } = await launch(binary, dir, host, options.readyTimeoutMs ?? 30_000, options.port);
      return {
        url,
        process: child,
        query: (promql) => queryPrometheus(url, promql),
        stop: async () => {
          await stopChild(child);
          await removeDir();
        },
      };
    } catch (error) {
      lastError = error;
      // A fixed port taken stays taken: only a probed free port is worth another try.
      if (options.port !== undefined || !/address already in use/.test(String(error))) break;
    }
  }
  await removeDir();
  throw lastError;
}

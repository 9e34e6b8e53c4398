// `npx tsx --conditions=react-server scripts/bench/topology-web.ts`: the topology page in Chromium (Playwright),
// on the lab's `scale` scenario (an east-west gateway in every cluster), against the built console (`npm run build`
// first; this script builds when the build is stale). For each scenario (BENCH_SCENARIOS, default "3x20,20x1000"):
//  - time to first interactive graph: navigation start → the canvas shows every cluster and the node tree has its
//    rows (median of BENCH_RUNS loads, default 3, after one warm-up), and the longest main-thread task (longtask
//    PerformanceObserver) from navigation to 1.5 s after that;
//  - opening a cluster, then one of its namespaces, by clicking the canvas: time to the children in the tree, and
//    the longest task meanwhile (aggregation: everything else stays collapsed);
//  - latency from a lab write (scale svc-0001 in c01 to 0 replicas) to the graph showing the new state, and back;
// and once, the first-load JS of each route (gzip of the build's files the page loads). Targets (issue #12):
// interactive ≤ 1 s and no task over 200 ms at 20 × 1,000.
// The console runs with the registry standalone at 3 × 20 (edges exist), observing at 20 × 1,000 (writing shadow
// WorkloadEntries for 20,000 services would take the machine for the run; BENCH_REGISTRY=standalone to do it).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "@playwright/test";
import { buildIfNeeded } from "../build-if-needed";
import { CHROMIUM } from "../ensure-chromium";
import { ms, percentile, printTable, type Row } from "./figures";
import { startConsole, startScaleLab, stopChild } from "./processes";
import type { StageResult } from "./suite-types";
import { trpcCall } from "./trpc-http";

const PORT = Number(process.env.BENCH_PORT ?? 3192);
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? "3x20,20x1000").split(",").map((s) => s.split("x").map(Number) as [number, number]);
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const SVC = "svc:c01/svc-0001.ns-001.svc.cluster.local";
const ROUTES = ["/", "/workspaces", "/workspaces/scale-ws", "/topology", "/workspaces/scale-ws/topology", "/clusters/c01", "/istio"];

type GraphAnswer = { nodes: Array<{ kind: string; stale?: boolean; services?: number }>; edges: unknown[] };

// In-page code as strings: the script runner would wrap named functions in a helper the page does not have.
const OBSERVE = `(() => {
  window.__tasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration]); }).observe({ type: "longtask", buffered: true });
})()`;
const longestSince = (page: Page, from: number) => page.evaluate(`Math.max(0, ...window.__tasks.filter(([s, d]) => s + d >= ${from}).map(([, d]) => d))`) as Promise<number>;
const now = (page: Page) => page.evaluate("performance.now()") as Promise<number>;
const pause = (msecs: number) => new Promise((resolve) => setTimeout(resolve, msecs));

/** Polls until `check` holds; throws after `deadlineMs` (each try is a real request). */
async function until<T>(what: string, deadlineMs: number, check: () => Promise<T | undefined>): Promise<T> {
  for (const end = Date.now() + deadlineMs; Date.now() < end; await pause(1000)) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
  }
  throw new Error(`bench: ${what} not reached within ${deadlineMs} ms`);
}

function kubectl(kubeconfig: string, cluster: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => execFile("kubectl", ["--kubeconfig", kubeconfig, "--context", cluster, ...args], (err, out) => (err ? reject(err) : resolve(out))));
}

/**
 * BENCH_WORKER_CSP=1: serve the build's static files with `script-src 'self'` added to their CSP, as the change
 * asked of next.config.ts would (the layout worker's importScripts is refused without it, and the page lays out on
 * the main thread instead): measures the page as it will be once that change is in.
 */
async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  if (process.env.BENCH_WORKER_CSP === "1") {
    await page.context().route("**/_next/static/**", async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": "default-src 'none'; script-src 'self'; frame-ancestors 'none'" } });
    });
  }
  return page;
}

/** One load of /topology: time to the interactive graph and the longest task up to 1.5 s after it. */
async function loadOnce(browser: Browser, clusters: number): Promise<{ interactive: number; longest: number; where: string }> {
  const page = await newPage(browser);
  await page.addInitScript(OBSERVE);
  await page.goto(`${BASE}/topology`);
  // Function predicates, not strings: the console's CSP has no 'unsafe-eval', which a string predicate needs.
  await page.waitForFunction((n) => document.querySelectorAll(".react-flow__node-cluster").length >= n && document.querySelectorAll("[role=treeitem]").length >= n, clusters, { timeout: 60_000 });
  const interactive = await now(page);
  await pause(1500);
  const longest = await longestSince(page, 0);
  const where = (await page.getAttribute("[data-layout]", "data-layout")) ?? "?";
  await page.close();
  return { interactive, longest, where };
}

/** Clicks the first collapsed group of `kind` on the canvas; time until the tree shows rows at `level`, and the longest task. */
async function openGroup(page: Page, kind: "cluster" | "namespace", level: number): Promise<{ took: number; longest: number }> {
  const start = await now(page);
  // A click event on the box itself: an edge drawn across it must not take the click.
  await page.locator(`.react-flow__node-${kind}`).first().dispatchEvent("click");
  await page.waitForFunction((l) => document.querySelectorAll(`[role=treeitem][aria-level="${l}"]`).length > 0, level, { timeout: 60_000 });
  const took = (await now(page)) - start;
  await pause(1000);
  return { took, longest: await longestSince(page, start) };
}

/** Scales c01's svc-0001 and times until its row in the tree no longer says `from`. */
async function writeToGraph(page: Page, kubeconfig: string, replicas: number, from: string): Promise<number> {
  const started = Date.now();
  await kubectl(kubeconfig, "c01", ["-n", "ns-001", "scale", "deployment/svc-0001", `--replicas=${replicas}`]);
  await page.waitForFunction(({ id, text }) => !document.querySelector(`[role=treeitem][data-id="${id}"]`)?.textContent?.includes(text), { id: SVC, text: from }, { timeout: 90_000 });
  return Date.now() - started;
}

/** gzip bytes of the build's JS files a route loads (the page's own script resources under /_next/static). */
async function firstLoadJs(browser: Browser, route: string): Promise<number> {
  const page = await browser.newPage();
  await page.goto(`${BASE}${route}`, { waitUntil: "networkidle" });
  const urls = (await page.evaluate(`performance.getEntriesByType("resource").map((e) => e.name)`)) as string[];
  await page.close();
  const files = [...new Set(urls.map((u) => new URL(u).pathname).filter((p) => p.startsWith("/_next/static/") && p.endsWith(".js")))];
  return files.reduce((sum, p) => sum + gzipSync(readFileSync(join(".next", "static", decodeURIComponent(p.slice("/_next/static/".length))))).length, 0);
}

async function scenario(browser: Browser, clusters: number, services: number, withRoutes: boolean): Promise<Row[]> {
  const kubeconfig = join(mkdtempSync(join(tmpdir(), "bench-topology-web-")), "kubeconfig");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const lab = await startScaleLab(clusters, services, kubeconfig, env, { gateways: true });
  const standalone = clusters * services <= 2000 || process.env.BENCH_REGISTRY === "standalone";
  const consoleEnv = { ...env, KUBECONFIG: kubeconfig, EASTWEST_REGISTRY_MODE: standalone ? "standalone" : "observe", EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES: "true" };
  const server = await startConsole(PORT, consoleEnv);
  const tag = `${clusters} × ${services}`;
  try {
    console.log(`bench: ${tag}: waiting for every cluster and service in the topology…`);
    const graph = await until("the whole fleet in topology.graph", 20 * 60_000, async () => {
      const g = await trpcCall<GraphAnswer>(BASE, "topology.graph", "query", { expanded: [] });
      const cs = g.nodes.filter((n) => n.kind === "cluster");
      const total = cs.reduce((sum, n) => sum + (n.services ?? 0), 0);
      return cs.length === clusters && cs.every((n) => !n.stale) && total >= clusters * services && (!standalone || g.edges.length > 0) ? g : undefined;
    });
    console.log(`bench: ${tag}: ${graph.nodes.length} nodes, ${graph.edges.length} edges collapsed; loading the page…`);
    await loadOnce(browser, clusters);
    const loads = [];
    for (let i = 0; i < RUNS; i++) loads.push(await loadOnce(browser, clusters));
    const page = await newPage(browser);
    await page.addInitScript(OBSERVE);
    await page.goto(`${BASE}/topology`);
    await page.waitForSelector(".react-flow__node-cluster");
    const cluster = await openGroup(page, "cluster", 2);
    const namespace = await openGroup(page, "namespace", 3);
    const rows: Row[] = [
      { figure: `${tag}: first interactive graph (median of ${RUNS})`, value: ms(percentile(loads.map((l) => l.interactive), 50)), note: `runs ${loads.map((l) => l.interactive.toFixed(0)).join(", ")} ms` },
      { figure: `${tag}: longest main-thread task on load (max)`, value: ms(Math.max(...loads.map((l) => l.longest))), note: `layout ran in the ${loads[0]?.where ?? "?"}` },
      { figure: `${tag}: open a cluster → its namespaces`, value: ms(cluster.took), note: `longest task ${ms(cluster.longest)}` },
      { figure: `${tag}: open a namespace → its services`, value: ms(namespace.took), note: `longest task ${ms(namespace.longest)}` },
    ];
    if (standalone) {
      await page.goto(`${BASE}/topology?expanded=cluster:c01&expanded=ns:c01/ns-001`);
      await page.waitForSelector(`[role=treeitem][data-id="${SVC}"]`);
      rows.push({ figure: `${tag}: lab write → graph (svc-0001 to 0)`, value: ms(await writeToGraph(page, kubeconfig, 0, "Serving locally")) });
      rows.push({ figure: `${tag}: lab write → graph (back to 1)`, value: ms(await writeToGraph(page, kubeconfig, 1, "Failed over")) });
    }
    await page.close();
    if (withRoutes) for (const route of ROUTES) rows.push({ figure: `first-load JS ${route} (gzip)`, value: `${(await firstLoadJs(browser, route) / 1024).toFixed(1)} KiB` });
    return rows;
  } finally {
    await stopChild(server.child);
    await stopChild(lab.child);
  }
}

/** Every scenario (C × S) in turn in one Chromium; each scenario's table printed as soon as it is in. */
export async function runTopologyWebStage(scenarios: ReadonlyArray<readonly [number, number]>): Promise<StageResult> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const rows: Row[] = [];
  try {
    for (const [i, [clusters, services]] of scenarios.entries()) {
      const done = await scenario(browser, clusters, services, i === 0);
      // Each scenario's figures as soon as they are in: the big one can take long on a shared machine.
      printTable(`Topology page in Chromium, ${clusters} × ${services}`, done);
      rows.push(...done);
    }
  } finally {
    await browser.close();
  }
  return { rows, figures: { scenarios } };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildIfNeeded(process.cwd());
  const { rows } = await runTopologyWebStage(SCENARIOS);
  printTable("Topology page in Chromium (targets at 20 × 1,000: interactive ≤ 1 s, no task over 200 ms)", rows);
}

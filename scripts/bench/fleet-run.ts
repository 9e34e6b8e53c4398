// The fleet stage: the lab's `scale` scenario (C × S, one workspace, an east-west gateway per cluster) in its own
// process and the built console (`next start`, registry observing) against it. Measures: start → first complete
// snapshot; console RSS and bytes per cached object; fleet.clusters, workspace.detail and topology.graph query
// latency p50/p95 (HTTP, warm cache, sequential); write → rendered in Chromium (SSE) p50/p95 at 1 and 100 changes/s;
// LCP / longest task / CLS of the overview, workspace, topology and drills pages; then, in a process of its own,
// the retained heap per cached object. `npm run bench:fleet` and `npm run bench` both call runFleetStage.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "@playwright/test";
import { fleetStats, queryLatencies, waitForSynced } from "./console-probe";
import { mib, ms, percentile, type Row } from "./figures";
import { labTargets } from "./lab-writer";
import { exited, findServer, rssOf, startConsole, startScaleLab, startWaiting, stopChild } from "./processes";
import { measureRenderLatency } from "./render-latency";
import type { StageResult } from "./suite-types";
import { timeCalls, trpcCall } from "./trpc-http";
import { launchChromium, measurePages, vitalsRows, type PageTarget } from "./web-vitals";

export type FleetOptions = {
  clusters: number;
  services: number;
  port: number;
  /** Sequential queries timed per kind (after 10% warm-up). */
  queries: number;
  /** Writes at 100/s (at 1/s: a twentieth, at least 5). */
  fastWrites: number;
  /** Page loads per page for the web figures (0: none). */
  webRuns: number;
  /** The retained-heap measure (a process of its own, building the whole cache again). */
  retainedHeap: boolean;
  /** A screenshot of the overview at this path, if given. */
  screenshot?: string;
};

/** The console's four main pages; `workspace` is the scale scenario's (or demo's) first workspace. */
export function consolePages(workspace: string | undefined): PageTarget[] {
  return [
    { name: "overview", path: "/", ready: "article[aria-labelledby^='cluster-']" },
    ...(workspace ? [{ name: "workspace", path: `/workspaces/${encodeURIComponent(workspace)}`, ready: "h1" }] : []),
    { name: "topology", path: "/topology", ready: ".react-flow__node-cluster" },
    { name: "drills", path: "/drills", ready: "h1" },
  ];
}

async function queryFigures(base: string, count: number, rows: Row[], figures: Record<string, unknown>): Promise<string | undefined> {
  const warm = Math.max(2, Math.round(count / 10));
  const fleet = (await queryLatencies(base, warm), await queryLatencies(base, count));
  const workspaces = await trpcCall<Array<{ name: string }>>(base, "workspace.list", "query", undefined);
  const workspace = workspaces[0]?.name;
  const detail = workspace ? await timeCalls(count, warm, () => trpcCall(base, "workspace.detail", "query", { workspace })) : [];
  const topology = await timeCalls(count, warm, () => trpcCall(base, "topology.graph", "query", { expanded: [] }));
  for (const [name, xs] of [["fleet.clusters", fleet], ["workspace.detail", detail], ["topology.graph (collapsed)", topology]] as const) {
    if (xs.length === 0) continue;
    rows.push({ figure: `${name} query p50 / p95`, value: `${ms(percentile(xs, 50))} / ${ms(percentile(xs, 95))}`, note: `(HTTP, warm cache, ${xs.length} sequential)` });
    figures[`query ${name}`] = { p50Ms: percentile(xs, 50), p95Ms: percentile(xs, 95), n: xs.length };
  }
  return workspace;
}

async function renderFigures(browser: Browser, base: string, kubeconfig: string, o: FleetOptions, rows: Row[], figures: Record<string, unknown>): Promise<void> {
  const targets = (await labTargets(kubeconfig)).slice(1); // writes go to the non-management clusters
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(base);
    await page.getByRole("status", { name: "Live updates: Live" }).waitFor({ timeout: 60_000 });
    for (const [rate, total] of [[1, Math.max(5, Math.round(o.fastWrites / 20))], [100, o.fastWrites]] as const) {
      console.log(`bench: ${total} writes at ${rate}/s…`);
      const { latencies, missing } = await measureRenderLatency(page, targets, rate, total);
      rows.push({ figure: `write → rendered (SSE) p50 / p95 @ ${rate}/s`, value: `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 95))}`, note: `(${latencies.length} writes${missing ? `, ${missing} never rendered` : ""})` });
      figures[`render @${rate}/s`] = { p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95), n: latencies.length, missing };
    }
    if (o.screenshot) await page.screenshot({ path: o.screenshot, fullPage: false });
  } finally {
    await page.close();
  }
}

async function retainedHeap(o: FleetOptions, env: NodeJS.ProcessEnv, rows: Row[], figures: Record<string, unknown>): Promise<void> {
  console.log("bench: measuring retained heap per cached object…");
  const heap = await startWaiting("node", ["--expose-gc", "--conditions=react-server", "--import", "tsx", "scripts/bench/cache-heap.ts", String(o.clusters), String(o.services)], /B per cached object/, env, 600_000);
  const retained = /(\d+) objects, ([\d.]+) MiB retained, (\d+) B per cached object/.exec(heap.output());
  await exited(heap.child, 30_000);
  await stopChild(heap.child);
  if (!retained) return;
  rows.push({ figure: "retained heap per cached object", value: `${retained[3]} B`, note: `(${retained[1]} objects, ${retained[2]} MiB after GC, cache only)` });
  figures.retainedHeapBytesPerObject = Number(retained[3]);
}

export async function runFleetStage(o: FleetOptions): Promise<StageResult> {
  const base = `http://127.0.0.1:${o.port}`;
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const kubeconfig = join(mkdtempSync(join(tmpdir(), "bench-fleet-")), "kubeconfig");
  const rows: Row[] = [];
  const figures: Record<string, unknown> = { clusters: o.clusters, services: o.services };
  const lab = await startScaleLab(o.clusters, o.services, kubeconfig, env, { workspaces: 1, gateways: true });
  let consoleProc: Awaited<ReturnType<typeof startWaiting>> | undefined;
  let browser: Browser | undefined;
  try {
    console.log("bench: starting the console…");
    const started = performance.now();
    consoleProc = await startConsole(o.port, { ...env, KUBECONFIG: kubeconfig, EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES: "true" });
    const synced = await waitForSynced(base, o.clusters, 600_000);
    const firstSnapshotMs = performance.now() - started;
    const serverPid = findServer(consoleProc.child.pid ?? 0, /^next-server/);
    rows.push({ figure: "fleet sync: start → first complete snapshot", value: ms(firstSnapshotMs), note: `(${synced.objects} objects; process start included)` });
    figures.firstSnapshotMs = firstSnapshotMs;
    const workspace = await queryFigures(base, o.queries, rows, figures);
    browser = await launchChromium();
    await renderFigures(browser, base, kubeconfig, o, rows, figures);
    if (o.webRuns > 0) {
      const vitals = await measurePages(browser, base, consolePages(workspace), o.webRuns);
      rows.push(...vitalsRows(`scale ${o.clusters}×${o.services}`, vitals));
      figures.web = vitals;
    }
    const memory = await fleetStats(base, true);
    const rss = serverPid ? rssOf(serverPid) : Number.NaN;
    if (memory) {
      rows.push({ figure: "console RSS (next-server VmRSS)", value: mib(rss), note: `(${memory.objects} cached objects; Next.js included)` });
      rows.push({ figure: "RSS / heap used / JSON per cached object", value: `${Math.round(rss / memory.objects)} / ${Math.round(memory.heapUsedBytes / memory.objects)} / ${Math.round((memory.jsonBytes ?? 0) / memory.objects)} B`, note: "(RSS and heap: upper bounds, Next.js and garbage included)" });
      figures.memory = { rssBytes: rss, objects: memory.objects, heapUsedBytes: memory.heapUsedBytes, jsonBytes: memory.jsonBytes };
    }
  } finally {
    await browser?.close();
    if (consoleProc) await stopChild(consoleProc.child);
    await stopChild(lab.child);
  }
  if (o.retainedHeap) await retainedHeap(o, env, rows, figures);
  return { rows, figures };
}

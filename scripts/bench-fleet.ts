// `npm run bench`: the fleet figures of issue 3 against the lab's `scale` scenario (20 clusters × 500 services).
// Starts the lab and the built console (`next start`; builds first if .next is stale), then measures: time from
// start to the first complete snapshot, console RSS and bytes per cached object, fleet query latency from a warm
// cache, and write → rendered-in-Chromium latency at 1 and 100 changes/s. Bounded; stops everything it started.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { buildIfNeeded } from "./build-if-needed";
import { fleetStats, queryLatencies, waitForSynced } from "./bench/console-probe";
import { mib, ms, percentile, printTable, type Row } from "./bench/figures";
import { labTargets } from "./bench/lab-writer";
import { exited, findServer, rssOf, startScaleLab, startWaiting, stopChild } from "./bench/processes";
import { measureRenderLatency } from "./bench/render-latency";

const CLUSTERS = Number(process.env.BENCH_CLUSTERS ?? 20);
const SERVICES = Number(process.env.BENCH_SERVICES ?? 500);
const PORT = Number(process.env.BENCH_PORT ?? 3190);
const BASE = `http://127.0.0.1:${PORT}`;
const LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const root = process.cwd();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const dir = mkdtempSync(join(tmpdir(), "bench-fleet-"));
const kubeconfig = join(dir, "kubeconfig");
const watchdog = setTimeout(() => {
  console.error("bench: gave up after 15 minutes");
  process.exit(1);
}, 15 * 60_000);

await buildIfNeeded(root);
const lab = await startScaleLab(CLUSTERS, SERVICES, kubeconfig, env);
let consoleProc: Awaited<ReturnType<typeof startWaiting>> | undefined;
const rows: Row[] = [];
try {
  const targets = (await labTargets(kubeconfig)).slice(1); // writes go to the non-management clusters
  console.log("bench: starting the console…");
  const started = performance.now();
  consoleProc = await startWaiting("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(PORT)], /Ready in/i, { ...env, KUBECONFIG: kubeconfig, EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES: "true" }, 120_000);
  const synced = await waitForSynced(BASE, CLUSTERS, 300_000);
  const firstSnapshotMs = performance.now() - started;
  const serverPid = findServer(consoleProc.child.pid ?? 0, /^next-server/);
  rows.push({ figure: "start → first complete snapshot", value: ms(firstSnapshotMs), note: `(${synced.objects} objects; server uptime ${synced.uptimeSeconds} s)` });

  const warm = await queryLatencies(BASE, 20); // warm-up, discarded
  void warm;
  const query = await queryLatencies(BASE, 300);
  rows.push({ figure: "fleet.clusters query p50", value: ms(percentile(query, 50)), note: "(HTTP, warm cache, 300 sequential)" });
  rows.push({ figure: "fleet.clusters query p95", value: ms(percentile(query, 95)) });

  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: LAUNCH_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(BASE);
    await page.getByRole("status", { name: "Live updates: Live" }).waitFor({ timeout: 30_000 });
    for (const [rate, total] of [[1, 20], [100, 600]] as const) {
      console.log(`bench: ${total} writes at ${rate}/s…`);
      const { latencies, missing } = await measureRenderLatency(page, targets, rate, total);
      rows.push({ figure: `write → rendered p50 @ ${rate}/s`, value: ms(percentile(latencies, 50)), note: `(${latencies.length} writes${missing ? `, ${missing} never rendered` : ""})` });
      rows.push({ figure: `write → rendered p95 @ ${rate}/s`, value: ms(percentile(latencies, 95)) });
    }
    await page.screenshot({ path: "screenshots/overview-scale.png", fullPage: false });
  } finally {
    await browser.close();
  }

  const memory = await fleetStats(BASE, true);
  const rss = serverPid ? rssOf(serverPid) : Number.NaN;
  if (memory) {
    rows.push({ figure: "console RSS (next-server VmRSS)", value: mib(rss), note: `(pid ${serverPid ?? "?"}; Next.js included)` });
    rows.push({ figure: "cached objects", value: String(memory.objects) });
    rows.push({ figure: "RSS per cached object (upper bound)", value: `${Math.round(rss / memory.objects)} B` });
    rows.push({ figure: "heap used per cached object", value: `${Math.round(memory.heapUsedBytes / memory.objects)} B`, note: `(heap ${mib(memory.heapUsedBytes)}, Next.js and uncollected garbage included)` });
    rows.push({ figure: "JSON per cached object", value: `${Math.round((memory.jsonBytes ?? 0) / memory.objects)} B`, note: "(managedFields/last-applied stripped)" });
  }
} finally {
  if (consoleProc) await stopChild(consoleProc.child);
  await stopChild(lab.child);
}
// Exact retained heap per object: the cache alone, measured after full GCs in a process of its own.
console.log("bench: measuring retained heap per cached object…");
const heap = await startWaiting("node", ["--expose-gc", "--conditions=react-server", "--import", "tsx", "scripts/bench/cache-heap.ts", String(CLUSTERS), String(SERVICES)], /B per cached object/, env, 600_000);
const retained = /(\d+) objects, ([\d.]+) MiB retained, (\d+) B per cached object/.exec(heap.output());
await exited(heap.child, 30_000);
await stopChild(heap.child);
if (retained) rows.push({ figure: "retained heap per cached object", value: `${retained[3]} B`, note: `(${retained[1]} objects, ${retained[2]} MiB after GC, cache only)` });
printTable(`Eastwest Console fleet benchmark — lab scale ${CLUSTERS} × ${SERVICES}`, rows);
clearTimeout(watchdog);

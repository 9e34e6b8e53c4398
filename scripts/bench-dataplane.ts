// `npm run bench:dataplane`: the lab data plane's figures (issue #11). On a demo lab with an east-west gateway in
// every cluster and details + reviews exposed (the mesh objects written by hand, as XCP writes them):
//   - requests/s and p50/p99 latency west → details (direct, a local pod) and north → details (one gateway hop);
//   - west's details-v1 scaled to 0: time from the last local pod leaving the EndpointSlice to the first request
//     served by east, and the requests that failed in between;
//   - west's details pods (1, then 2 replicas) answering 503: time to the first request served by east and the failed
//     requests, then how many of the next 50 fail, with XCP's outlier detection (consecutiveGatewayErrors 10,
//     maxEjectionPercent 100) and with Istio's defaults (maxEjectionPercent 10: one of two pods stays in);
//   - memory and CPU of a demo lab process at idle with the demo's light load, with and without the data plane
//     (the difference is the data plane's).
// Usage: npm run bench:dataplane [-- --requests 2000 --concurrency 8 --reps 5 --idle-seconds 30]
// One table, and the figures as JSON (BENCH_JSON, default in the OS temp dir). Stops everything it started.
// `npm run bench` calls runDataplaneStage (idle-seconds 0 leaves the idle lab processes out).
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { measureErrorFailover, measureErrorWithoutFailover, measureScaleFailover, measureThroughput, summarise, dropDetailsRule } from "@/lab/dataplane/test/bench-measures";
import { exposeByHand, installGateways } from "@/lab/dataplane/test/hand-mesh";
import { startLab, type Lab } from "@/lab/start";
import { mib, ms, printTable, writeFiguresJson, type Row } from "./bench/figures";
import type { StageResult } from "./bench/suite-types";
import { startUntil } from "./processes";

export type DataplaneOptions = { requests: number; concurrency: number; reps: number; idleSeconds: number };

async function startMeshLab(dir: string, options: { dataPlane: boolean; demoTraffic: boolean }): Promise<Lab> {
  const lab = await startLab({ scenario: "demo", portBase: 0, adminPort: 0, kubeconfigPath: join(dir, "kubeconfig"), ...options });
  exposeByHand(lab, await installGateways(lab));
  return lab;
}

/** The measured process: a demo lab with the mesh exposed, as `npm run lab` runs it, until it is killed. */
async function idleLab(dataPlane: boolean): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "bench-dataplane-idle-"));
  const lab = await startMeshLab(dir, { dataPlane, demoTraffic: dataPlane });
  process.on("SIGTERM", () => void lab.stop().finally(() => rm(dir, { recursive: true, force: true }).finally(() => process.exit(0))));
  console.log("idle lab ready");
}

/** CPU seconds (user + system) and resident memory of a process, from /proc (Linux). */
function usage(pid: number): { cpuS: number; rssBytes: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return { cpuS: ticks / 100, rssBytes: Number(rss?.[1] ?? 0) * 1024 };
}

/** A lab process at idle for `seconds` after a 10 s settling window: its CPU share, and its RSS read every second (mean, max). */
async function measureIdle(dataPlane: boolean, seconds: number): Promise<{ cpuPercent: number; rssBytes: number; rssMaxBytes: number }> {
  const args = ["--import", "tsx", "scripts/bench-dataplane.ts", "--idle-lab", dataPlane ? "on" : "off"];
  const child = await startUntil(process.execPath, args, /idle lab ready/, { prefix: `[lab ${dataPlane ? "with" : "without"} data plane] `, timeoutMs: 180_000 });
  try {
    const window = (s: number) => new Promise((resolve) => setTimeout(resolve, s * 1000));
    await window(10);
    const before = usage(child.pid ?? 0);
    const rss: number[] = [];
    for (let s = 0; s < seconds; s++) {
      await window(1);
      rss.push(usage(child.pid ?? 0).rssBytes);
    }
    const after = usage(child.pid ?? 0);
    return { cpuPercent: ((after.cpuS - before.cpuS) / seconds) * 100, rssBytes: rss.reduce((a, b) => a + b, 0) / rss.length, rssMaxBytes: Math.max(...rss) };
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
}

const timing = (s: ReturnType<typeof summarise>) => `${ms(s.toRemoteMs.median)} (max ${ms(s.toRemoteMs.max)}); failed ${s.failed.median} (max ${s.failed.max})`;

export async function runDataplaneStage({ requests, concurrency, reps, idleSeconds }: DataplaneOptions): Promise<StageResult> {
  const dir = await mkdtemp(join(tmpdir(), "bench-dataplane-"));
  const lab = await startMeshLab(dir, { dataPlane: true, demoTraffic: false });
  const figures: Record<string, unknown> = { requests, concurrency, reps };
  try {
    figures.direct = await measureThroughput(lab, "west", requests, concurrency);
    figures.oneGatewayHop = await measureThroughput(lab, "north", requests, concurrency);
    figures.scaleFailover = summarise(await measureScaleFailover(lab, reps));
    for (const replicas of [1, 2]) figures[`errorFailoverXcp${replicas}`] = summarise(await measureErrorFailover(lab, reps, replicas));
    await dropDetailsRule(lab);
    // Istio's default maxEjectionPercent (10, counting the host being ejected, as current Envoy does) ejects nothing
    // among fewer than 10 hosts: no failover to time, so what callers see instead is counted.
    for (const replicas of [1, 2]) figures[`errorIstioDefaults${replicas}`] = await measureErrorWithoutFailover(lab, replicas);
  } finally {
    await lab.stop();
    await rm(dir, { recursive: true, force: true });
  }
  if (idleSeconds > 0) {
    figures.idleWithDataPlane = await measureIdle(true, idleSeconds);
    figures.idleWithoutDataPlane = await measureIdle(false, idleSeconds);
  }
  return { rows: report(figures), figures };
}

function report(f: Record<string, unknown>): Row[] {
  const t = (k: string) => f[k] as Awaited<ReturnType<typeof measureThroughput>>;
  const s = (k: string) => f[k] as ReturnType<typeof summarise>;
  const idle = (k: string) => f[k] as { cpuPercent: number; rssBytes: number; rssMaxBytes: number };
  const rows: Row[] = [];
  for (const [name, key] of [["direct (west → details)", "direct"], ["one gateway hop (north → details)", "oneGatewayHop"]] as const) {
    const x = t(key);
    rows.push({ figure: `${name}: requests/s, 1 caller`, value: x.sequentialPerSecond.toFixed(0), note: `${x.ok}/${x.sent} answered 200` });
    rows.push({ figure: `${name}: p50 / p99`, value: `${ms(x.p50Ms)} / ${ms(x.p99Ms)}` });
    rows.push({ figure: `${name}: requests/s, ${x.concurrency} callers`, value: x.concurrentPerSecond.toFixed(0) });
  }
  rows.push({ figure: "details-v1 → 0: last endpoint gone → first east success", value: timing(s("scaleFailover")), note: "median of reps" });
  for (const replicas of [1, 2]) {
    const x = s(`errorFailoverXcp${replicas}`);
    const steady = x.failedOfNext50 ? `${x.failedOfNext50.median} (max ${x.failedOfNext50.max})` : "n/a";
    rows.push({ figure: `503s from ${replicas} pod(s), XCP outlier: → first east success`, value: timing(x), note: `then failed of the next 50: ${steady}` });
  }
  for (const replicas of [1, 2]) {
    const x = f[`errorIstioDefaults${replicas}`] as Awaited<ReturnType<typeof measureErrorWithoutFailover>>;
    rows.push({ figure: `503s from ${replicas} pod(s), Istio defaults: failed / served by east`, value: `${x.failed} / ${x.servedByRemote} of ${x.sent}`, note: "(max ejection 10 %: nothing ejected among < 10 hosts)" });
  }
  for (const [name, key] of [["with", "idleWithDataPlane"], ["without", "idleWithoutDataPlane"]] as const) {
    if (f[key] === undefined) continue;
    const x = idle(key);
    rows.push({ figure: `demo lab process ${name} data plane, idle: CPU / RSS mean (max)`, value: `${x.cpuPercent.toFixed(1)} % / ${mib(x.rssBytes)} (${mib(x.rssMaxBytes)})` });
  }
  return rows;
}

async function main(values: Record<string, string | undefined>): Promise<void> {
  const { rows, figures } = await runDataplaneStage({ requests: Number(values.requests), concurrency: Number(values.concurrency), reps: Number(values.reps), idleSeconds: Number(values["idle-seconds"]) });
  const jsonPath = process.env.BENCH_JSON ?? join(tmpdir(), `bench-dataplane-${Date.now()}.json`);
  printTable("bench:dataplane", rows);
  writeFiguresJson(jsonPath, figures);
  console.log(`figures: ${jsonPath}`);
}

// Run as a script (npm run bench:dataplane, or as the idle lab process), not when the suite imports it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      requests: { type: "string", default: "2000" },
      concurrency: { type: "string", default: "8" },
      reps: { type: "string", default: "5" },
      "idle-seconds": { type: "string", default: "30" },
      // Internal: this script started as the measured lab process.
      "idle-lab": { type: "string" },
    },
  });
  const entry = values["idle-lab"] !== undefined ? idleLab(values["idle-lab"] === "on") : main(values);
  entry.then(
    () => (values["idle-lab"] === undefined ? process.exit(0) : undefined),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

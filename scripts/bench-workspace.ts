// `npm run bench:workspace`: the console as a team uses it on a big fleet, with the registry writing. Starts the
// lab's `scale` scenario (BENCH_CLUSTERS × BENCH_SERVICES, default 20 × 500; BENCH_WORKSPACES workspaces, default
// 5; an east-west gateway in every cluster) and the built console with EASTWEST_REGISTRY_MODE=standalone at its
// production settings (printed), then reports: cold start to first plan, time until the registry converged (nothing
// missing, different or extra), and — converged — 10 exposure previews, 10 gateway-removal previews, 100
// workspace.detail and 20 workspace.list calls at once, each timed (p50/p95), while GET /api/metrics is read every
// second: event-loop delay (the console's 5 s windows), leadership, memory. One table, and the figures as JSON
// (BENCH_JSON, default in the OS temp dir). Bounded by a watchdog sized for the registry's writes; stops all it started.
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { WorkspaceDetail, WorkspaceSummary } from "@/lib/workspace-view/types";
import { buildIfNeeded } from "./build-if-needed";
import { readMetrics, sampleMetrics, type MetricsReading } from "./bench/console-metrics";
import { waitForSynced } from "./bench/console-probe";
import { printTable, writeFiguresJson } from "./bench/figures";
import { startConsole, startScaleLab, startWaiting, stopChild, watchLines } from "./bench/processes";
import { concurrencyNote, registrySettings } from "./bench/registry-defaults";
import { inSync, outOfSync, planned, waitForConvergence } from "./bench/registry-progress";
import { runTeam } from "./bench/team-load";
import { trpcCall } from "./bench/trpc-http";
import { DEFAULT_LOAD, teamCalls, type RemovalTally } from "./bench/workspace-load";
import type { StageResult } from "./bench/suite-types";
import { figureRows, runFigures, type RunFacts } from "./bench/workspace-report";
import { benchCommit } from "./bench/commit-of";

export type WorkspaceOptions = { clusters: number; services: number; workspaces: number; port: number; json?: string; convergeMinutes?: number };

/** The run described above; `npm run bench -- --with workspace` calls it too. Measures the build in .next as it is. */
export async function runWorkspaceStage(o: WorkspaceOptions): Promise<StageResult & { title: string }> {
  const { clusters: CLUSTERS, services: SERVICES, workspaces: WORKSPACES, port: PORT } = o;
  const BASE = `http://127.0.0.1:${PORT}`;
  const JSON_PATH = o.json ?? join(tmpdir(), `bench-workspace-${CLUSTERS}x${SERVICES}-${Date.now()}.json`);

  const root = process.cwd();
  const settings = registrySettings(root);
  const concurrency = concurrencyNote(settings);
  // ~3 generated objects per service per remote cluster (580,000 at 20 × 500), written at ~650/s when the machine
  // is quiet: allow twice that, plus the lab's start, the cold plans and the run.
  const estimatedObjects = CLUSTERS * SERVICES * Math.max(0, CLUSTERS - 1) * 3;
  // BENCH_CONVERGE_MINUTES caps the wait (the team run then measures a registry still writing, and says so).
  const convergeBudgetMs = o.convergeMinutes !== undefined ? o.convergeMinutes * 60_000 : Math.max(10 * 60_000, (estimatedObjects / 650) * 1000 * 2);

  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const kubeconfig = join(mkdtempSync(join(tmpdir(), "bench-workspace-")), "kubeconfig");
  const commit = benchCommit();
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Lowest heap of three reads a second apart (no forced GC in the console: the lowest is the closest to live). */
  async function settledHeap(): Promise<number | undefined> {
    const heaps: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await readMetrics(BASE);
      if (r) heaps.push(r.heapUsedBytes);
      await sleep(1_000);
    }
    return heaps.length > 0 ? Math.min(...heaps) : undefined;
  }

  /** BENCH_CPU_PROFILE=<dir>: every console process gets scripts/bench/cpu-profile-preload.mjs (profiles the team run). */
  function profilerEnv(): Record<string, string> {
    const dir = process.env.BENCH_CPU_PROFILE;
    if (!dir) return {};
    return { BENCH_CPU_PROFILE: dir, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${pathToFileURL(join(root, "scripts/bench/cpu-profile-preload.mjs")).href}`.trim() };
  }

  /** Starts, or stops and writes, the profile of every process the preload registered. */
  function toggleProfilers(): void {
    const dir = process.env.BENCH_CPU_PROFILE;
    if (!dir) return;
    for (const pid of readdirSync(join(dir, "pids"))) {
      try {
        process.kill(Number(pid), "SIGUSR2");
      } catch {
        // Gone already (npx's launcher exits once next runs).
      }
    }
  }

  /** Waits (at most `timeoutMs`) until a window ending after `afterEndS` is read, and answers its end (console seconds). */
  async function windowClosed(readings: readonly MetricsReading[], afterEndS: number, timeoutMs: number): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    const ended = () => readings.find((r) => (r.window?.endS ?? -1) > afterEndS)?.window?.endS;
    while (ended() === undefined && performance.now() < deadline) await sleep(100);
    return ended() ?? afterEndS;
  }

  console.log(`bench: registry settings (production defaults): ${Object.entries(settings).map(([k, v]) => `${k} ${v}`).join("; ")}`);
  console.log(`bench: commit ${commit}; ${cpus().length} cores; load ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  const lab = await startScaleLab(CLUSTERS, SERVICES, kubeconfig, env, { workspaces: WORKSPACES, gateways: true });
  let consoleProc: Awaited<ReturnType<typeof startWaiting>> | undefined;
  let sampler: ReturnType<typeof sampleMetrics> | undefined;
  try {
    console.log("bench: starting the console (registry standalone, production settings)…");
    const consoleStart = performance.now();
    const consoleEnv = { ...env, KUBECONFIG: kubeconfig, EASTWEST_REGISTRY_MODE: "standalone", EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES: "true", ...profilerEnv() };
    consoleProc = await startConsole(PORT, consoleEnv);
    const planLines = watchLines(consoleProc.child, /planned the fleet in/);
    const readyAt = performance.now();
    sampler = sampleMetrics(BASE);
    const atReady = (await readMetrics(BASE))?.heapUsedBytes;
    let syncedAt: number | undefined;
    let atSync: number | undefined;
    const synced = waitForSynced(BASE, CLUSTERS, 20 * 60_000).then(async () => {
      syncedAt = performance.now();
      atSync = (await readMetrics(BASE))?.heapUsedBytes;
    });
    const progress = await waitForConvergence(BASE, CLUSTERS, performance.now() + convergeBudgetMs, console.log);
    await synced;
    console.log(progress.convergedAt ? "bench: registry converged" : "bench: registry did NOT converge in time; measuring anyway");
    const afterConverge = await settledHeap();

    // The lab makes at most one workspace per namespace: ask the console which there are.
    const names = (await trpcCall<WorkspaceSummary[]>(BASE, "workspace.list", "query", undefined)).map((w) => w.name).filter((n) => n.startsWith("scale-ws"));
    const details = await Promise.all(names.map((workspace) => trpcCall<WorkspaceDetail>(BASE, "workspace.detail", "query", { workspace })));
    const tally: RemovalTally = { removable: 0, refused: [] };
    const kinds = teamCalls(BASE, details, DEFAULT_LOAD, tally);
    // The list and the five cold details above are set-up, not the team's load: the run starts once the window
    // they ran in has closed, so the windows counted as the run's hold the run and at most a second before it.
    const windowEndBeforeRun = await windowClosed(sampler.readings, sampler.readings.at(-1)?.window?.endS ?? -1, 30_000);
    console.log(`bench: the team run (${kinds.map((k) => `${k.calls.length} ${k.name}`).join(", ")})…`);
    const runStart = performance.now();
    toggleProfilers();
    const results = await runTeam(kinds);
    const runEnd = performance.now();
    toggleProfilers();
    // The window in progress when the run ended closes (a window that began after the run's last reading).
    await windowClosed(sampler.readings, (sampler.readings.at(-1)?.window?.endS ?? windowEndBeforeRun) + 5, 120_000);
    await sampler.stop();
    const last = sampler.readings.at(-1);
    const page = progress.last;
    const facts: RunFacts = {
      consoleStart, readyAt, syncedAt, firstPlanAt: progress.firstPlanAt, firstPlanLog: planLines[0], firstWriteAt: progress.firstWriteAt, convergedAt: progress.convergedAt, lastStatusAt: progress.lastAt,
      planned: page ? planned(page) : 0, inSync: page ? inSync(page) : 0, applied: page?.writes.applied ?? 0, failed: page?.writes.failed ?? 0, outOfSync: page ? outOfSync(page) : Number.NaN,
      runStart, runEnd, windowEndBeforeRun,
      heap: { atReady, atSync, afterConverge, afterRun: last?.heapUsedBytes }, rssAfterRun: last?.rssBytes,
    };
    const figures = runFigures(facts, results, sampler.readings);
    const title = `Workspace API on ${CLUSTERS} clusters × ${SERVICES} services, ${details.length} workspaces, gateways everywhere, registry standalone (commit ${commit})`;
    const rows = figureRows(figures, concurrency);
    rows.push({ figure: "removal previews with consequences", value: `${tally.removable}/${DEFAULT_LOAD.removal}`, note: tally.refused[0] ? `(refused: ${tally.refused[0]})` : "(gateway proven the console's)" });
    writeFiguresJson(JSON_PATH, { title, commit, date: new Date().toISOString(), machine: { cores: cpus().length, loadAfter: loadavg() }, sizes: { clusters: CLUSTERS, services: SERVICES, workspaces: details.length }, registrySettings: settings, load: DEFAULT_LOAD, removalPreviewsWithConsequences: tally.removable, figures });
    // The console's own log beside the figures: whether the planner ran on its worker, leadership changes, write errors.
    writeFileSync(`${JSON_PATH}.console.log`, consoleProc.output());
    console.log(`bench: figures written to ${JSON_PATH}, the console's log to ${JSON_PATH}.console.log`);
    return { title, rows, figures: { sizes: { clusters: CLUSTERS, services: SERVICES, workspaces: details.length }, registrySettings: settings, figures, json: JSON_PATH } };
  } finally {
    await sampler?.stop();
    if (consoleProc) await stopChild(consoleProc.child);
    await stopChild(lab.child);
  }
}

// Run as a script (npm run bench:workspace), not when the suite imports it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const clusters = Number(process.env.BENCH_CLUSTERS ?? 20);
  const services = Number(process.env.BENCH_SERVICES ?? 500);
  const convergeMinutes = process.env.BENCH_CONVERGE_MINUTES ? Number(process.env.BENCH_CONVERGE_MINUTES) : undefined;
  const budgetMs = convergeMinutes !== undefined ? convergeMinutes * 60_000 : Math.max(10 * 60_000, ((clusters * services * Math.max(0, clusters - 1) * 3) / 650) * 1000 * 2);
  const watchdogMs = 20 * 60_000 + budgetMs + 30 * 60_000;
  const watchdog = setTimeout(() => {
    console.error(`bench: gave up after ${Math.round(watchdogMs / 60_000)} minutes`);
    process.exit(1);
  }, watchdogMs);
  await buildIfNeeded(process.cwd());
  const { title, rows } = await runWorkspaceStage({ clusters, services, workspaces: Number(process.env.BENCH_WORKSPACES ?? 5), port: Number(process.env.BENCH_PORT ?? 3191), json: process.env.BENCH_JSON, convergeMinutes });
  printTable(title, rows);
  clearTimeout(watchdog);
}

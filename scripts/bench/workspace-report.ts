// The figures of bench-workspace.ts: one table row per figure, and the same facts as JSON.
import { windowsAfter, type MetricsReading } from "./console-metrics";
import { kib, mib, ms, percentile, type Row } from "./figures";
import type { KindResult } from "./team-load";

const secs = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? "n/a" : `${(v / 1000).toFixed(1)} s`);
const max = (values: readonly number[]) => (values.length === 0 ? Number.NaN : Math.max(...values));

export type RunFacts = {
  consoleStart: number;
  readyAt: number;
  syncedAt?: number;
  firstPlanAt?: number;
  firstPlanLog?: { line: string; at: number };
  firstWriteAt?: number;
  convergedAt?: number;
  /** The last registry.status read (the end of the wait when it did not converge). */
  lastStatusAt?: number;
  planned: number;
  inSync: number;
  applied: number;
  failed: number;
  outOfSync: number;
  runStart: number;
  runEnd: number;
  /** The last window end seen before the run started (console seconds): windows after it belong to the run. */
  windowEndBeforeRun: number;
  heap: { atReady?: number; atSync?: number; afterConverge?: number; afterRun?: number };
  rssAfterRun?: number;
};

export function runFigures(facts: RunFacts, results: readonly KindResult[], readings: readonly MetricsReading[]) {
  const during = readings.filter((r) => r.at >= facts.runStart && r.at <= facts.runEnd);
  const windows = windowsAfter(readings, facts.windowEndBeforeRun);
  const before = readings.filter((r) => r.at <= facts.runStart).at(-1);
  const after = readings.at(-1);
  const calls = Object.fromEntries(results.map((r) => [r.name, { count: r.latencies.length, failures: r.failures.length, p50Ms: percentile(r.latencies, 50), p95Ms: percentile(r.latencies, 95), maxMs: max(r.latencies), bytesP50: percentile(r.bytes, 50), bytesMax: max(r.bytes), firstFailure: r.failures[0] }]));
  // Not converged: the rate over the wait, up to the last status read.
  const phaseEnd = facts.convergedAt ?? facts.lastStatusAt;
  const writePhase = facts.firstWriteAt !== undefined && phaseEnd !== undefined ? phaseEnd - facts.firstWriteAt : undefined;
  return {
    coldStartToFirstPlanMs: facts.firstPlanAt === undefined ? undefined : facts.firstPlanAt - facts.consoleStart,
    coldStartToFirstPlanLogMs: facts.firstPlanLog ? facts.firstPlanLog.at - facts.consoleStart : undefined,
    firstPlanLog: facts.firstPlanLog?.line,
    consoleReadyMs: facts.readyAt - facts.consoleStart,
    fleetSyncedMs: facts.syncedAt === undefined ? undefined : facts.syncedAt - facts.consoleStart,
    convergedMs: facts.convergedAt === undefined ? undefined : facts.convergedAt - facts.consoleStart,
    converged: facts.convergedAt !== undefined,
    registry: { planned: facts.planned, inSync: facts.inSync, applied: facts.applied, failed: facts.failed, outOfSync: facts.outOfSync, writePhaseMs: writePhase, writesPerSecond: writePhase ? facts.applied / (writePhase / 1000) : undefined },
    runMs: facts.runEnd - facts.runStart,
    calls,
    loopDelay: { windows: windows.length, maxWindowP99Ms: max(windows.map((w) => w.p99Ms)), maxMs: max(windows.map((w) => w.maxMs)), longestWindowS: max(windows.map((w) => w.lengthS)), sinceStartMaxMs: after?.sinceStart.maxMs },
    leader: { samplesDuringRun: during.length, samplesNotLeading: during.filter((r) => r.leader !== 1).length, transitionsDuringRun: after && before ? after.transitions - before.transitions : undefined, transitionsSinceStart: after?.transitions },
    memory: { ...facts.heap, rssAfterRun: facts.rssAfterRun },
  };
}

export type Figures = ReturnType<typeof runFigures>;

export function figureRows(f: Figures, concurrency: string): Row[] {
  const rows: Row[] = [
    { figure: "cold start → first plan", value: secs(f.coldStartToFirstPlanMs), note: "(console spawned → registry.status shows planned objects; polled every 1 s)" },
    { figure: "cold start → 'planned the fleet' log", value: secs(f.coldStartToFirstPlanLogMs), note: f.firstPlanLog ? `(${f.firstPlanLog.replace(/^.*(registry|fleet model): /, "")})` : "(no such line)" },
    { figure: "cold start → fleet synced", value: secs(f.fleetSyncedMs) },
    { figure: "cold start → registry converged", value: f.converged ? secs(f.convergedMs) : "NOT CONVERGED", note: `(${concurrency}; nothing missing/different/extra, writes stopped)` },
    { figure: "objects planned / in sync / writes / failed", value: `${f.registry.planned} / ${f.registry.inSync} / ${f.registry.applied} / ${f.registry.failed}`, note: "(writes are counted per finished cluster batch)" },
    { figure: "write phase / writes per second", value: `${secs(f.registry.writePhaseMs)} / ${f.registry.writesPerSecond?.toFixed(0) ?? "n/a"}`, note: `(first write seen → ${f.converged ? "converged" : "end of the wait, NOT converged"}; ${concurrency})` },
  ];
  for (const [name, c] of Object.entries(f.calls)) {
    const note = `(${c.count} calls${c.failures ? `, ${c.failures} FAILED: ${c.firstFailure ?? ""}` : ""})`;
    const size = `(answer ${kib(c.bytesP50)} p50, ${kib(c.bytesMax)} max, as JSON)`;
    rows.push({ figure: `${name} p50`, value: ms(c.p50Ms), note }, { figure: `${name} p95`, value: ms(c.p95Ms), note: size });
  }
  rows.push(
    { figure: "event-loop delay p99 during the run", value: ms(f.loopDelay.maxWindowP99Ms), note: `(max of the ${f.loopDelay.windows} 5 s windows' p99s; longest window ${f.loopDelay.longestWindowS.toFixed(1)} s)` },
    { figure: "event-loop delay max during the run", value: ms(f.loopDelay.maxMs) },
    { figure: "leader transitions during the run", value: String(f.leader.transitionsDuringRun ?? "n/a"), note: `(${f.leader.samplesNotLeading} of ${f.leader.samplesDuringRun} 1 s samples not leading)` },
    { figure: `heap used at ready / synced / ${f.converged ? "converged" : "end of wait"}`, value: [f.memory.atReady, f.memory.atSync, f.memory.afterConverge].map((b) => (b === undefined ? "n/a" : mib(b))).join(" / ") },
    { figure: `heap used ${f.converged ? "converged" : "end of wait"} − at ready`, value: f.memory.afterConverge !== undefined && f.memory.atReady !== undefined ? mib(f.memory.afterConverge - f.memory.atReady) : "n/a", note: "(main thread: fleet cache + model + registry state; a planner worker's heap counts in RSS only; no forced GC: lowest of 3 reads)" },
    { figure: "console RSS after the run", value: f.memory.rssAfterRun === undefined ? "n/a" : mib(f.memory.rssAfterRun) },
  );
  return rows;
}

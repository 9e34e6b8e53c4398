// `npm run bench`: the whole benchmark suite in one command, on the lab's `scale` scenario (C × S from the flags),
// one table and one JSON file. Stages, in order (each starts what it needs and stops it; `--only`/`--skip` pick):
//   fleet     sync time, console memory and bytes per cached object, fleet/workspace/topology query p50/p95,
//             write → rendered (SSE) p50/p95 at 1 and 100 changes/s, web figures of the four pages on `scale`;
//   registry  the lab's write capacity alone, convergence and writes/s at the production concurrency (and their
//             ratio to that capacity), writes during a no-op resync, change → remote writes p50/p95, leader takeover;
//   drills    ScaleToZero drill on the demo lab: time to shift and to restore;
//   dataplane requests/s and latency through an east-west gateway (demo lab data plane), failover timings;
//   web-demo  web figures of the four pages on `demo`;
//   topology-query  the topology API in process on a synthetic converged fleet of the same size (bench:topology);
//   model     the fleet model's main thread under 1,000 changes/s with forks (bench:model), synthetic, same size;
//   build     first-load JS per route (gzip) from the build output;
//   topology-web (only with --with or --only) the topology page's time to an interactive graph, opening a cluster
//             and a namespace, lab write → graph (bench:topology-web) at the suite's size;
//   workspace (only with --with or --only) bench:workspace at the suite's size, 2 workspaces: the console with its
//             registry standalone converging, then 10 + 10 previews, 100 details, 20 lists at once, event-loop delay;
//   previews, auth, lab-memory (only with --with or --only) other roles' benchmarks, run as they are in a child
//             process (scripts/bench/script-stage.ts): bench:previews, bench:auth, scripts/bench/lab-memory.ts.
// Every row says the load average of the machine when its stage ended (the machine may be shared).
// Usage: npm run bench -- [--clusters 8] [--services 100] [--samples 10] [--web-runs 2] [--json .bench/results.json]
//                        [--only fleet,registry] [--skip dataplane] [--with topology-web] [--port 3193] [--no-build]
import { cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { runDataplaneStage } from "./bench-dataplane";
import { runWorkspaceStage } from "./bench-workspace";
import { buildIfNeeded } from "./build-if-needed";
import { runDrillStage } from "./bench/drill-run";
import { printTable, writeFiguresJson, type Row } from "./bench/figures";
import { firstLoadJs, firstLoadRows } from "./bench/first-load-js";
import { runFleetStage } from "./bench/fleet-run";
import { runModelChurnStage } from "./bench/model-churn";
import { runRegistryStage } from "./bench/registry-run";
import { runScriptStage } from "./bench/script-stage";
import type { StageResult } from "./bench/suite-types";
import { runTopologyQueryStage } from "./bench/topology-query";
import { runTopologyWebStage } from "./bench/topology-web";
import { runWebDemoStage } from "./bench/web-demo-run";
import { benchCommit } from "./bench/commit-of";
import { runAsConsoleProcess } from "./bench/console-flags";

// Stages run the console's parts in this process (the registry's, the model's): with the console's Node flags.
runAsConsoleProcess();

const { values } = parseArgs({
  options: {
    clusters: { type: "string", default: "8" },
    services: { type: "string", default: "100" },
    samples: { type: "string", default: "10" },
    "web-runs": { type: "string", default: "2" },
    json: { type: "string", default: ".bench/results.json" },
    only: { type: "string" },
    skip: { type: "string", default: "" },
    with: { type: "string", default: "" },
    port: { type: "string", default: "3193" },
    "watchdog-minutes": { type: "string", default: "30" },
    // Measure the build in .next as it is (e.g. while holding the e2e lock, so nobody rebuilds it meanwhile).
    "no-build": { type: "boolean", default: false },
  },
});
const n = (k: keyof typeof values) => Number(values[k]);
const sizes = { clusters: n("clusters"), services: n("services"), samples: n("samples"), webRuns: n("web-runs"), port: n("port") };

/** `optional`: not in the default run (longer, or covered by another stage); `--with` or `--only` adds it. */
type Stage = { name: string; what: string; optional?: true; run: () => Promise<StageResult> };
const STAGES: Stage[] = [
  { name: "fleet", what: `console on scale ${sizes.clusters} × ${sizes.services}`, run: () => runFleetStage({ clusters: sizes.clusters, services: sizes.services, port: sizes.port, queries: sizes.samples * 10, fastWrites: Math.max(100, sizes.samples * 20), webRuns: sizes.webRuns, retainedHeap: true }) },
  { name: "registry", what: `registry on scale ${sizes.clusters} × ${sizes.services}`, run: () => runRegistryStage({ clusters: sizes.clusters, services: sizes.services, samples: sizes.samples, leader: true, capacityWrites: Math.max(1000, sizes.clusters * sizes.services) }) },
  { name: "drills", what: "drill on demo", run: () => runDrillStage({ reps: Math.max(1, Math.round(sizes.samples / 5)) }) },
  { name: "dataplane", what: "data plane on demo", run: () => runDataplaneStage({ requests: sizes.samples * 100, concurrency: 8, reps: Math.max(1, Math.round(sizes.samples / 5)), idleSeconds: 0 }) },
  { name: "web-demo", what: "console on demo", run: () => runWebDemoStage({ port: sizes.port + 1, runs: sizes.webRuns }) },
  { name: "topology-query", what: `topology API in process, synthetic ${sizes.clusters} × ${sizes.services}`, run: () => runTopologyQueryStage({ clusters: sizes.clusters, services: sizes.services, runs: sizes.samples * 10 }) },
  { name: "model", what: `fleet model under churn, synthetic ${sizes.clusters} × ${sizes.services}`, run: () => runModelChurnStage({ clusters: sizes.clusters, services: sizes.services, rate: 1000, seconds: 10, forkEvery: 2 }) },
  { name: "topology-web", what: `topology page in Chromium on scale ${sizes.clusters} × ${sizes.services}`, optional: true, run: () => runTopologyWebStage([[sizes.clusters, sizes.services]]) },
  { name: "workspace", what: `the console's registry converging and a team's previews on scale ${sizes.clusters} × ${sizes.services}`, optional: true, run: () => runWorkspaceStage({ clusters: sizes.clusters, services: sizes.services, workspaces: 2, port: sizes.port + 2, json: `${values.json}.workspace.json`, convergeMinutes: 5 }) },
  { name: "previews", what: `the lead's previews-inproc on a synthetic ${sizes.clusters} × ${sizes.services}`, optional: true, run: () => runScriptStage("previews in process", "scripts/bench/previews-inproc.ts", ["--clusters", String(sizes.clusters), "--services", String(sizes.services)], 15 * 60_000) },
  { name: "auth", what: "auth-core's auth-latency", optional: true, run: () => runScriptStage("auth", "scripts/bench/auth-latency.ts", ["--calls", String(sizes.samples * 100)], 10 * 60_000) },
  { name: "lab-memory", what: "lab-wire's lab-memory", optional: true, run: () => runScriptStage("lab memory", "scripts/bench/lab-memory.ts", [], 15 * 60_000) },
  { name: "build", what: "build output", run: async () => { const routes = firstLoadJs(process.cwd()); return { rows: firstLoadRows(routes), figures: { routes } }; } },
];

const only = values.only?.split(",").filter(Boolean);
const skip = values.skip.split(",").filter(Boolean);
const extra = values.with.split(",").filter(Boolean);
for (const name of [...(only ?? []), ...skip, ...extra]) if (!STAGES.some((s) => s.name === name)) throw new Error(`unknown stage "${name}" (stages: ${STAGES.map((s) => s.name).join(", ")})`);
const chosen = STAGES.filter((s) => (only ? only.includes(s.name) : !s.optional || extra.includes(s.name)) && !skip.includes(s.name));

const commit = benchCommit();
const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");
const watchdog = setTimeout(() => {
  console.error(`bench: gave up after ${values["watchdog-minutes"]} minutes`);
  process.exit(1);
}, n("watchdog-minutes") * 60_000);

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? "?", memoryBytes: totalmem(), node: process.version, loadAtStart: loadavg() };
  console.log(`bench: commit ${commit}; ${machine.cores} cores; load ${load()}; stages ${chosen.map((s) => s.name).join(", ")}`);
  if (!values["no-build"]) await buildIfNeeded(process.cwd());
  const rows: Row[] = [];
  const stages: Record<string, unknown> = {};
  let failed = 0;
  for (const stage of chosen) {
    console.log(`\nbench: ── ${stage.name}: ${stage.what} (load ${load()}) ──`);
    const t0 = performance.now();
    try {
      const result = await stage.run();
      const seconds = (performance.now() - t0) / 1000;
      rows.push(...result.rows.map((r) => ({ ...r, figure: `${stage.name} · ${r.figure}` })));
      rows.push({ figure: `${stage.name} · (stage took, load 1/5/15 min after)`, value: `${seconds.toFixed(0)} s`, note: `load ${load()}` });
      stages[stage.name] = { ok: true, seconds, loadAfter: loadavg(), figures: result.figures };
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      console.error(`bench: stage ${stage.name} failed: ${message}`);
      rows.push({ figure: `${stage.name} · FAILED`, value: "—", note: message.split("\n")[0]?.slice(0, 160) });
      stages[stage.name] = { ok: false, error: message, loadAfter: loadavg() };
    }
  }
  printTable(`Eastwest Console benchmark suite — scale ${sizes.clusters} × ${sizes.services}, commit ${commit}, ${machine.cores} cores, load at start ${machine.loadAtStart.map((l) => l.toFixed(2)).join(" ")}`, rows);
  writeFiguresJson(values.json, { startedAt, finishedAt: new Date().toISOString(), commit, machine, sizes, command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(), rows, stages });
  console.log(`bench: figures written to ${values.json}`);
  if (failed > 0) process.exitCode = 1;
}

main().then(
  () => {
    clearTimeout(watchdog);
    process.exit(process.exitCode ?? 0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

// The main thread's share of a converged fleet that keeps changing: the synthetic fleet of registry-plan.ts fed
// through a real fleet cache (fake informers), the fleet model on it (planner in its worker when built), then
// `--rate` object changes per second (the registry's writes coming back, pods' status), spread over every
// cluster, while a fork (a preview) runs every `--fork-every` seconds. Reports per published snapshot the fleet
// cache's build and the model's synchronous share, the event loop's utilisation and delay p99, and the forks'
// main-thread reply time. Run it with --cpu-prof to see where the main thread goes.
// Usage: npm run bench:model -- [--clusters 20] [--services 500] [--rate 1000] [--seconds 20] [--fork-every 2]
// `npm run bench` calls runModelChurnStage (each printed line also a row of its table).
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { CachedObject, FleetKind } from "@/lib/fleet/snapshot-types";
import { rowOf, type StageResult } from "./suite-types";
import { startSyntheticModel } from "./synthetic-model";

const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number);
};
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} / p95 ${pct(xs, 95).toFixed(1)} / max ${pct(xs, 100).toFixed(1)} ms (n=${xs.length})`;

export type ModelChurnOptions = { clusters: number; services: number; rate: number; seconds: number; forkEvery: number };

export async function runModelChurnStage({ clusters: C, services: S, rate, seconds, forkEvery }: ModelChurnOptions): Promise<StageResult> {
  const lines: string[] = [];
  const log = (line: string) => (lines.push(line), console.log(line));
  // The model's synchronous share of each snapshot: its listener, timed.
  const syncMs: number[] = [];
  const partMs: number[] = [];
  const fleet = await startSyntheticModel({ clusters: C, services: S, observe: (step) => void (step.kind === "part" && partMs.push(step.ms)), onSync: (ms) => syncMs.push(ms) });
  const { cache, model, sink, generated } = fleet;
  let state = await fleet.state();
  log(`fleet ${C} × ${S}: planned in ${(fleet.plannedMs / 1000).toFixed(1)} s (${fleet.worker ? "planner worker" : "in process: build the worker for real figures"})`);
  const total = generated.reduce((n, g) => n + g.length, 0);
  log(`converged: ${total} generated objects observed, ${state.registry.actions.size} clusters with actions`);

  // Churn: `rate` upserts per second of random generated objects (a new resourceVersion, the same content).
  let rv = 0;
  const churn = (n: number) => {
    for (let i = 0; i < n; i++) {
      const ci = Math.floor(Math.random() * generated.length);
      const list = generated[ci] as CachedObject[];
      const at = Math.floor(Math.random() * list.length);
      const o = list[at] as CachedObject;
      const next: CachedObject = { ...o, metadata: { ...o.metadata, resourceVersion: `churn-${++rv}` } };
      list[at] = next;
      sink(fleet.clusterNames[ci] ?? "", o.kind as FleetKind).upsert(next);
    }
  };
  const forkMs: number[] = [];
  const fork = async () => {
    const t = performance.now();
    const exposed = Array.from({ length: 1 + Math.floor(Math.random() * 20) }, (_, s) => `svc-${String(s + 1).padStart(4, "0")}.ns-001.svc.cluster.local`);
    await model.fork((input) => ({ ...input, workspaces: input.workspaces.map((w) => (w.setting ? { ...w, setting: { ...w.setting, exposedServices: exposed } } : w)) }));
    forkMs.push(performance.now() - t);
  };

  // The fleet cache's own share: k changes, then one snapshot built (the model's listener's time taken out).
  const buildMs: number[] = [];
  for (let round = 0; round < 20; round++) {
    churn(100);
    const before = syncMs.length;
    const t = performance.now();
    cache.flush();
    buildMs.push(performance.now() - t - syncMs.slice(before).reduce((a, b) => a + b, 0));
    state = await model.settled();
  }
  log(`fleet cache snapshot after 100 changes over ${C} clusters: ${fmt(buildMs)}`);

  syncMs.length = 0;
  partMs.length = 0;
  const churnedBefore = rv;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const elu = performance.eventLoopUtilization();
  // The window on the monotonic clock in microseconds, as a --cpu-prof profile times its samples.
  const window = [process.hrtime.bigint() / 1000n];
  // The offered load is fixed: each tick makes the changes due since the start, however late the timer fired.
  const churnStart = performance.now();
  const tick = setInterval(() => churn(Math.floor((rate * (performance.now() - churnStart)) / 1000) - (rv - churnedBefore)), 10);
  let forking = Promise.resolve();
  const forks = forkEvery > 0 ? setInterval(() => void (forking = forking.then(fork)), forkEvery * 1000) : undefined;
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  clearInterval(tick);
  clearInterval(forks);
  await forking;
  const used = performance.eventLoopUtilization(elu);
  window.push(process.hrtime.bigint() / 1000n);
  loop.disable();

  log(`churn ${rate}/s for ${seconds} s (${rv - churnedBefore} changes; monotonic µs ${window.join("-")}):`);
  log(`  model's synchronous share per snapshot: ${fmt(syncMs)}`);
  log(`  planner reply part (main thread): ${fmt(partMs)}`);
  log(`  fork round trip: ${fmt(forkMs)}`);
  log(`  main thread busy per change (forks included): ${(used.active / Math.max(1, rv - churnedBefore)).toFixed(2)} ms`);
  log(`  event loop: utilisation ${(used.utilization * 100).toFixed(0)}%, delay p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, max ${(loop.max / 1e6).toFixed(0)} ms`);
  await fleet.stop();
  return { rows: lines.map((line) => rowOf(line, "model under churn")), figures: { lines } };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      clusters: { type: "string", default: "20" },
      services: { type: "string", default: "500" },
      rate: { type: "string", default: "1000" },
      seconds: { type: "string", default: "20" },
      "fork-every": { type: "string", default: "2" },
    },
  });
  await runModelChurnStage({ clusters: Number(values.clusters), services: Number(values.services), rate: Number(values.rate), seconds: Number(values.seconds), forkEvery: Number(values["fork-every"]) });
}

// `npm run bench:fleet`: the fleet figures of issue 3 against the lab's `scale` scenario (BENCH_CLUSTERS ×
// BENCH_SERVICES, default 20 × 500), as scripts/bench/fleet-run.ts measures them (the same function `npm run bench`
// calls): sync time, memory and bytes per cached object, query latency, write → rendered latency at 1 and 100/s,
// and the pages' web figures. Builds first when .next is stale. Bounded; stops everything it started.
import { buildIfNeeded } from "./build-if-needed";
import { printTable } from "./bench/figures";
import { runFleetStage } from "./bench/fleet-run";

const clusters = Number(process.env.BENCH_CLUSTERS ?? 20);
const services = Number(process.env.BENCH_SERVICES ?? 500);
const watchdog = setTimeout(() => {
  console.error("bench: gave up after 20 minutes");
  process.exit(1);
}, 20 * 60_000);

await buildIfNeeded(process.cwd());
const { rows } = await runFleetStage({ clusters, services, port: Number(process.env.BENCH_PORT ?? 3190), queries: 300, fastWrites: 600, webRuns: 3, retainedHeap: true, screenshot: "screenshots/overview-scale.png" });
printTable(`Eastwest Console fleet benchmark — lab scale ${clusters} × ${services}`, rows);
clearTimeout(watchdog);

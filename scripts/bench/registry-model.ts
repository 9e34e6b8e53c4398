// The fleet model on the synthetic fleet of registry-plan.ts, as the console runs it (planner in its worker when
// built; --in-process for comparison): cold start to the first plan, then per snapshot the main thread's share
// (adapting and diffing against the latest plan, run as the snapshot arrives) and the time until settled (plan
// in the worker, then the diff), for a converging fleet, one new Service, its writes coming back and probes;
// event-loop delay over the whole run.
// Usage: npx tsx --conditions=react-server scripts/bench/registry-model.ts [--clusters 20] [--services 50] [--rounds 5] [--in-process]
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { defaultPlannerHost } from "@/server/model/default-host";
import { createFleetModel } from "@/server/model/fleet-model";
import { createPlannerHost } from "@/server/model/planner-host";
import { converged, echoed, probed, syntheticFleet, withNewService } from "./registry-plan-fleet";

const { values } = parseArgs({ options: { clusters: { type: "string", default: "20" }, services: { type: "string", default: "50" }, rounds: { type: "string", default: "5" }, "in-process": { type: "boolean", default: false } } });
const C = Number(values.clusters);
const S = Number(values.services);
const rounds = Number(values.rounds);

let snapshot: FleetSnapshot = syntheticFleet(C, S);
const listeners = new Set<() => void>();
const source = { current: () => snapshot, subscribe: (l: () => void) => (listeners.add(l), () => listeners.delete(l)) };
const host = values["in-process"] ? createPlannerHost({ inProcess: true }) : defaultPlannerHost((l) => console.log(l));
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const heapBefore = process.memoryUsage().heapUsed;

const started = performance.now();
const model = createFleetModel({ source, host, managementCluster: "c01", allowLoopbackGatewayAddresses: true, freeze: false, log: (l) => console.log(`  ${l}`) });
let state = await model.settled();
const objects = Object.values(state.plan.clusters).reduce((n, c) => n + c.length, 0);
const blocked = (h: typeof loop) => `event-loop delay p99 ${(h.percentile(99) / 1e6).toFixed(0)} ms, max ${(h.max / 1e6).toFixed(0)} ms`;
console.log(`fleet ${C} × ${S}: ${objects} objects planned; cold start to first plan ${(performance.now() - started).toFixed(0)} ms (${values["in-process"] ? "in process" : "planner worker"}; ${blocked(loop)})`);
loop.reset();

/** A new snapshot: the main thread's synchronous share, then the time until the model settled on it. */
async function step(next: FleetSnapshot): Promise<[number, number]> {
  snapshot = next;
  const t = performance.now();
  for (const l of listeners) l();
  const sync = performance.now() - t;
  state = await model.settled();
  return [sync, performance.now() - t];
}

const fmt = (pairs: Array<[number, number]>) => pairs.map(([a, b]) => `${a.toFixed(0)}/${b.toFixed(0)}`).join(", ");
console.log(`every planned object observed (sync/settled ms): ${fmt([await step(converged(snapshot, state.registry))])}`);
const changes: Array<[number, number]> = [];
const echoes: Array<[number, number]> = [];
const probes: Array<[number, number]> = [];
for (let r = 0; r < rounds; r++) {
  changes.push(await step(withNewService(snapshot, r)));
  echoes.push(await step(echoed(snapshot, state.registry, r)));
  probes.push(await step(probed(snapshot, r)));
}
console.log(`one new service (sync/settled ms): ${fmt(changes)}`);
console.log(`its ${C - 1} remote writes coming back: ${fmt(echoes)} (${state.registry.actions.size} clusters with actions left)`);
console.log(`probe only: ${fmt(probes)}`);
loop.disable();
console.log(`after the first plan: ${blocked(loop)}; heap +${((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20).toFixed(0)} MiB`);
await model.stop();
await host.stop();

// Planning cost without a lab: a synthetic fleet shaped like the lab's `scale` scenario (C clusters × S services,
// one workspace exposing everything, an east-west gateway with three addresses per cluster), digested by the
// registry's computeFleetState cold, then after one new Service in one cluster (the latency benchmark's change),
// then with that change's remote writes coming back through the cache, then with nothing changed.
// Usage: npx tsx scripts/bench/registry-plan.ts [--clusters 20] [--services 50]
import { parseArgs } from "node:util";
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { computeFleetState, type FleetState } from "@/server/registry/fleet-state";
import { converged, echoed, syntheticFleet, withNewService } from "./registry-plan-fleet";

const { values } = parseArgs({ options: { clusters: { type: "string", default: "20" }, services: { type: "string", default: "50" }, rounds: { type: "string", default: "5" } } });
const C = Number(values.clusters);
const S = Number(values.services);
const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const out = fn();
  return [out, performance.now() - t];
};

let snapshot: FleetSnapshot = syntheticFleet(C, S);
// The generated gateways have lab (127.x) addresses: the lab's setting lets the planner publish them.
const options = { managementCluster: "c01", allowLoopbackGatewayAddresses: true };
const [initial, cold] = time(() => computeFleetState(snapshot, options));
let state = initial;
const objects = Object.values(state.plan.clusters).reduce((n, c) => n + c.length, 0);
console.log(`fleet ${C} × ${S}: ${objects} objects planned; cold ${cold.toFixed(0)} ms`);
snapshot = converged(snapshot, state);
const [, applied] = time(() => computeFleetState(snapshot, options, state));
console.log(`every planned object observed: ${applied.toFixed(0)} ms`);
const changes: number[] = [];
const echoes: number[] = [];
for (let r = 0; r < Number(values.rounds); r++) {
  snapshot = withNewService(snapshot, r);
  let ms: number;
  [state, ms] = time((): FleetState => computeFleetState(snapshot, options, state));
  changes.push(ms);
  snapshot = echoed(snapshot, state, r);
  [state, ms] = time((): FleetState => computeFleetState(snapshot, options, state));
  echoes.push(ms);
}
console.log(`one new service: ${changes.map((m) => m.toFixed(0)).join(", ")} ms`);
console.log(`its ${C - 1} remote writes coming back: ${echoes.map((m) => m.toFixed(0)).join(", ")} ms (${state.actions.size} clusters with actions left)`);
const [, same] = time(() => computeFleetState({ ...snapshot, clusters: [...snapshot.clusters] }, options, state));
console.log(`nothing changed (new snapshot object): ${same.toFixed(0)} ms`);

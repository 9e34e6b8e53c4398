// `npm run bench:mirror`: the heap the console's thread keeps for its mirror of the plan. A synthetic fleet shaped
// like the lab's `scale` scenario (registry-plan-fleet.ts; --clusters, --services, default 20 × 100) is planned
// cold by the real planner worker (dist/planner-worker.mjs, `npm run build:worker`); the heap is measured after
// full collections before and after, with the mirror held. Prints objects, bytes per object and the parts' time.
// Run: node --expose-gc --import tsx scripts/bench/plan-mirror-memory.ts [--clusters 20] [--services 100]
import { parseArgs } from "node:util";
import { toPlanInput } from "@/lib/registry/plan-input-adapter";
import { createPlannerHost } from "@/server/model/planner-host";
import { syntheticFleet } from "./registry-plan-fleet";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");
const { values } = parseArgs({ options: { clusters: { type: "string", default: "20" }, services: { type: "string", default: "100" } } });
const { input } = toPlanInput(syntheticFleet(Number(values.clusters), Number(values.services)), { managementCluster: "c01", allowLoopbackGatewayAddresses: true });
const settle = () => {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
};
let partsMs = 0;
let parts = 0;
const host = createPlannerHost({ observe: (step) => step.kind === "part" && ((partsMs += step.ms), parts++) });
const before = settle();
const plan = await host.plan(input);
const after = settle();
const objects = Object.values(plan.clusters).reduce((n, c) => n + c.length, 0);
await host.stop();
console.log(`plan mirror: ${objects} objects in ${parts} parts, ${((after - before) / 2 ** 20).toFixed(1)} MiB on the console's thread, ${Math.round((after - before) / objects)} B per object; taking the parts ${partsMs.toFixed(0)} ms in all`);

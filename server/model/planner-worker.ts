// The planner worker's entry (bundled to dist/planner-worker.mjs by scripts/build-model-worker.ts): the thread
// that holds the warm planner (planner-core.ts). Requests arrive in order and each is answered, in parts, before
// the next is read, so the console's thread only ever deserialises small messages.
import { parentPort } from "node:worker_threads";
import { createPlannerCore } from "./planner-core";
import type { PlannerRequest } from "./planner-protocol";

const port = parentPort;
if (!port) throw new Error("planner-worker runs as a worker thread (server/model/planner-host.ts starts it)");
const core = createPlannerCore();
port.on("message", (request: PlannerRequest) => {
  for (const part of core.handle(request)) port.postMessage(part);
});

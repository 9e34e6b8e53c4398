// The planner worker's entry (bundled to dist/planner-worker.mjs by scripts/build-model-worker.ts): the thread
// that holds the warm planner (planner-core.ts). Requests arrive in order on parentPort; each reply's parts go to
// the port the host passed in workerData, then a note on parentPort tells the host to take them, one per
// event-loop turn (see planner-host.ts).
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { createPlannerCore } from "./planner-core";
import type { PlannerRequest } from "./planner-protocol";

const port = parentPort;
const replies = (workerData as { replies?: MessagePort } | null)?.replies;
if (!port || !replies) throw new Error("planner-worker runs as a worker thread started by server/model/planner-host.ts");
const core = createPlannerCore();
port.on("message", (request: PlannerRequest) => {
  for (const part of core.handle(request)) replies.postMessage(part);
  port.postMessage({ type: "ready", seq: request.seq });
});

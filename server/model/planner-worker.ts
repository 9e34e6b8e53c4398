// The planner worker's entry (bundled to dist/planner-worker.mjs by scripts/build-model-worker.ts): the thread
// that holds the warm planner (planner-core.ts). Requests arrive in order on parentPort; each reply's parts go to
// the port the host passed in workerData, each followed by a note on parentPort that tells the host to take them,
// one per event-loop turn (see planner-host.ts).
//
// The worker runs below the console's own thread: when both want the CPU, the event loop (HTTP answers, SSE,
// informers, the Lease's renewals) goes first and the plan waits. Previews keep this worker busy for seconds at
// 20 × 500, and on two cores it otherwise took turns with the event loop, which then ran late. Linux keeps a nice
// value per thread, and os.setPriority(0, …) sets the calling thread's, so this lowers the worker alone. Lowering
// needs no privilege; where it is refused anyway, the worker simply runs at the process's priority.
import { setPriority } from "node:os";
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import type { Steps } from "@/lib/steps";
import { createPlannerCore } from "./planner-core";
import { PLANNER_NICE, type PlannerRequest } from "./planner-protocol";
import { runSliced } from "./sliced";

const port = parentPort;
const replies = (workerData as { replies?: MessagePort } | null)?.replies;
if (!port || !replies) throw new Error("planner-worker runs as a worker thread started by server/model/planner-host.ts");
try {
  setPriority(0, PLANNER_NICE);
} catch {
  // Refused (a platform without per-thread priorities, a seccomp profile): the plan runs at normal priority.
}
const core = createPlannerCore();

// Between requests the worker indexes its current plan (core.warm) in slices of WARM_SLICE_MS (sliced.ts), so the
// next request waits at most a slice: a message is taken from the event loop between two slices. A newer plan's
// warming replaces an older one, which stops at its next slice.
const WARM_SLICE_MS = 20;
let latest: Steps<void> | undefined;
const nothing = () => undefined;
const warm = () => {
  const steps = core.warm();
  latest = steps;
  // A failed warming only leaves an index unbuilt: the next preview builds it and reports what fails there.
  runSliced(steps, WARM_SLICE_MS, nothing, nothing, () => latest !== steps);
};

// A note after every part, not one after the last: the host takes parts while later ones are still being cut and
// posted (a cold plan's 300 parts at 20 × 500 took ~1 s to post), and a note that finds it taking parts costs nothing.
port.on("message", (request: PlannerRequest) => {
  for (const part of core.handle(request)) {
    replies.postMessage(part);
    port.postMessage({ type: "part", seq: request.seq });
  }
  // Only a plan moves the current plan; a preview's fork leaves it (and any warming under way) as it was.
  if (request.type === "plan") warm();
});

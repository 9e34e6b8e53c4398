import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { PLANNER_YOUNG_GENERATION_MB, plannerThreadLimits } from "./planner-thread-heap";

// A worker that answers with its heap's limit: the old generation's bound plus the young generation's size.
const REPORT = `require("node:worker_threads").parentPort.postMessage(require("node:v8").getHeapStatistics().heap_size_limit)`;

function heapLimitOf(options: { resourceLimits?: object }): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(REPORT, { eval: true, ...options });
    worker.once("message", (limit: number) => void worker.terminate().then(() => resolve(limit)));
    worker.once("error", reject);
  });
}

const MiB = 2 ** 20;

describe("the planner worker's young generation", () => {
  afterEach(() => setFlagsFromString("--max-semi-space-size=0"));

  it("is V8's default size although the process was started with the event loop's bigger one", async () => {
    // As the console's command line sets it (CONSOLE_NODE_FLAGS): 3 × 64 MiB of young generation per isolate.
    setFlagsFromString("--max-semi-space-size=64");
    const withFlag = await heapLimitOf({ resourceLimits: { maxYoungGenerationSizeMb: PLANNER_YOUNG_GENERATION_MB } });
    setFlagsFromString("--max-semi-space-size=64");
    const planner = await heapLimitOf({ resourceLimits: plannerThreadLimits() });
    // The flag alone beats the limits; once it is reset the limits hold: 192 - 48 MiB less.
    expect((withFlag - planner) / MiB).toBe(3 * 64 - PLANNER_YOUNG_GENERATION_MB);
  });
});

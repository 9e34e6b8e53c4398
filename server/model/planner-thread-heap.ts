// The planner worker's young generation: V8's default size, not the event loop's.
//
// The console starts with `--max-semi-space-size=64` for its event loop (CONSOLE_NODE_FLAGS in
// e2e/support/standalone.ts says why). That is a V8 flag, read each time an isolate's heap is made, and where it is
// set it beats a Worker's `resourceLimits.maxYoungGenerationSizeMb` (V8's Heap::ConfigureHeap takes the flag over
// the isolate's constraints). So the planner worker got two 64 MiB semi-spaces too: 128 MiB of its ~370 MiB at
// 20 × 500. It does not need them: with V8's default 16 MiB, a 20 × 500 planner host (cold plan, 20 one-Service
// changes, 8 previews) took as long per request, and the process's peak RSS was ~100 MiB lower.
//
// So the flag is set back to 0 ("not given") before the worker starts, and the worker's resourceLimits size its
// young generation. The event loop's own heap was sized when the process started and keeps its 64 MiB. Node turns
// off V8's freezing of flags after start, so that v8.setFlagsFromString works; the flag is only read when an
// isolate is made, so nothing already running changes.
import { setFlagsFromString } from "node:v8";
import type { ResourceLimits } from "node:worker_threads";

/** Two 16 MiB semi-spaces and 16 MiB of young large objects: V8's default for a 64-bit heap. */
export const PLANNER_YOUNG_GENERATION_MB = 48;

/** The resourceLimits to start the planner worker with; makes them count by setting the flag that beats them to 0. */
export function plannerThreadLimits(): ResourceLimits {
  setFlagsFromString("--max-semi-space-size=0");
  return { maxYoungGenerationSizeMb: PLANNER_YOUNG_GENERATION_MB };
}

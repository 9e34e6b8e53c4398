// The V8 collector settings the console sets for itself when its server starts (instrumentation.ts), so that the
// image, `npm run demo` and the tests run with the same ones, and nobody has to remember a command-line flag.
//
// --no-parallel-scavenge: young-generation collections run on the event loop's thread alone. At 20 × 500 the
// console's scavenges keep under a megabyte each (what a request or a preview answer still holds), which one thread
// copies in a millisecond or two; yet they paused the loop for 20–76 ms, most of it outside the copying
// (--trace-gc-nvp, the five longest: 23–36 ms pauses with 2.6–6.9 ms of parallel copying). We read the rest as
// waiting on V8's helper threads, which the planner worker's own collections and the machine's other work keep
// busy on two cores. With the flag, over the same bench:workspace team run, the longest scavenge was 25 ms (36–76 ms
// in the four runs before) and all of them together 319 ms (351–468 ms). The flag is read at each scavenge, so
// setting it after start takes effect from the next one. It applies to the planner worker's isolate too, which has
// no event loop to keep short.
//
// --heap-growing-percent=30: after each full collection V8 lets the old generation grow to 1.3 times what survived
// before it starts the next one (the factor V8 itself uses when memory runs short), instead of the up to 4 times it
// picks from its speed estimates, capped halfway to the heap bound. At 20 × 500 (bench:registry: 0.7 GiB live
// under the Deployment's 1536 MiB bound) that cap was ~1.1 GiB, and some full collections then found no room
// left and ran atomically: 1.0–4.1 s on the event loop (--trace-gc, session 16). With the flag every full collection
// through the change samples was incremental, and the peak RSS fell by ~0.1 GiB both while converging and through
// the samples (runs U and V, docs/benchmarks.md). V8 reads it whenever it recomputes its limits.
import { setFlagsFromString } from "node:v8";

export const COLLECTOR_FLAGS = ["--no-parallel-scavenge", "--heap-growing-percent=30"] as const;

export function applyCollectorSettings(): void {
  for (const flag of COLLECTOR_FLAGS) setFlagsFromString(flag);
}

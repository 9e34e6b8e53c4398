// The main thread's heap after a full collection: what is live. The peak RSS also holds what the collector had not
// reclaimed yet (V8 lets the old generation grow to a multiple of what survived the last full collection before it
// collects again), so the two together say whether a memory figure is the data or the collector's slack.
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

export function liveHeapBytes(): number {
  // `gc` is exposed to contexts created after the flag is set: a new context hands out the function.
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  gc();
  return getHeapStatistics().used_heap_size;
}

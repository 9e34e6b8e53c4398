// What the console sets for its own process when its server starts (instrumentation.ts), before anything else
// runs: V8's collector settings and its helper threads' priority. A benchmark that stands in for the console's
// process (scripts/bench/console-flags.ts) sets the same, so it measures the process the console runs.
import { applyCollectorSettings } from "./collector-settings";
import { lowerHelperThreads, type Lowered } from "./helper-threads";

export function applyProcessSettings(): Lowered {
  // First: the collector's settings apply from the next collection on.
  applyCollectorSettings();
  // V8's helper threads (every isolate's concurrent marking, sweeping and compiles) run below the event loop, as
  // the planner worker does.
  return lowerHelperThreads();
}

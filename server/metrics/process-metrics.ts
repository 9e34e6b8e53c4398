// The process's one metrics collector, kept on globalThis like the runtime (Next loads route modules as separate
// graphs). Started by the first caller: the metrics route, or instrumentation at boot if it asks for it. The
// leader watch follows the runtime's registry once that has started.
import "server-only";
import { getRuntime } from "@/server/runtime";
import { collectMetrics } from "./collector";
import { createLeaderWatch, type LeaderWatch } from "./leader-watch";
import { createLoopDelayMonitor, type LoopDelayMonitor } from "./loop-delay";

type Metrics = { loop: LoopDelayMonitor; leader: LeaderWatch };

const KEY = Symbol.for("eastwest-console.metrics");
type Holder = { [KEY]?: Metrics };

function start(): Metrics {
  const metrics = { loop: createLoopDelayMonitor(), leader: createLeaderWatch() };
  getRuntime().registry.then(
    (registry) => metrics.leader.attach(registry.leader),
    () => undefined,
  );
  return metrics;
}

export function processMetrics(): Metrics {
  const holder = globalThis as Holder;
  holder[KEY] ??= start();
  return holder[KEY];
}

export function metricsText(): string {
  return collectMetrics(processMetrics());
}

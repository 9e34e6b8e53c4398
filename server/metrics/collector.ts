// What GET /api/metrics publishes: event-loop delay (last completed window and since start), the registry's
// leadership, and the process's memory. Nothing that names a cluster, a user or a credential.
import type { LeaderWatch } from "./leader-watch";
import type { DelayStats, LoopDelayMonitor } from "./loop-delay";
import { prometheusText, type MetricFamily, type MetricSample } from "./prometheus-text";

export type Memory = { rss: number; heapUsed: number };

export type CollectorDeps = {
  loop: LoopDelayMonitor;
  leader: LeaderWatch;
  memory?: () => Memory;
  /** Seconds since the process started. */
  uptime?: () => number;
};

const delaySamples = (range: string, s: DelayStats): MetricSample[] => [
  { labels: { range, stat: "p50" }, value: s.p50Ms / 1000 },
  { labels: { range, stat: "p99" }, value: s.p99Ms / 1000 },
  { labels: { range, stat: "max" }, value: s.maxMs / 1000 },
];

const gauge = (name: string, help: string, value: number): MetricFamily => ({ name, help, type: "gauge", samples: [{ value }] });

function loopFamilies(loop: LoopDelayMonitor): MetricFamily[] {
  const window = loop.lastWindow();
  const samples = [...(window ? delaySamples("last_window", window) : []), ...delaySamples("since_start", loop.sinceStart())];
  const help = "Event-loop delay (perf_hooks.monitorEventLoopDelay, resolution 10 ms): p50, p99 and max over the last completed window (about 5 s) and since the metrics started.";
  const families: MetricFamily[] = [{ name: "eastwest_event_loop_delay_seconds", help, type: "gauge", samples }];
  if (window) {
    families.push(gauge("eastwest_event_loop_delay_window_seconds", "Length of the last completed window (longer than 5 s when a stall delayed its end).", (window.endMs - window.startMs) / 1000));
    families.push(gauge("eastwest_event_loop_delay_window_end_seconds", "When the last completed window ended, in seconds since the process started.", window.endMs / 1000));
  }
  return families;
}

function leaderFamilies(leader: LeaderWatch): MetricFamily[] {
  const r = leader.read();
  return [
    gauge("eastwest_registry_leader_election", "1 when this replica takes part in the registry's leader election (standalone mode).", r.election ? 1 : 0),
    gauge("eastwest_registry_leader", "1 while this replica holds the registry's leader Lease (and its last renewal is within the renew deadline).", r.leader ? 1 : 0),
    { name: "eastwest_registry_leader_transitions_total", help: "Times this replica became or stopped being the leader since the metrics started.", type: "counter", samples: [{ value: r.transitions }] },
  ];
}

export function collectMetrics(deps: CollectorDeps): string {
  const memory = (deps.memory ?? (() => process.memoryUsage()))();
  return prometheusText([
    ...loopFamilies(deps.loop),
    ...leaderFamilies(deps.leader),
    gauge("process_resident_memory_bytes", "Resident set size of the console's server process.", memory.rss),
    gauge("nodejs_heap_size_used_bytes", "V8 heap in use.", memory.heapUsed),
    gauge("process_uptime_seconds", "Seconds since the server process started.", (deps.uptime ?? (() => process.uptime()))()),
  ]);
}

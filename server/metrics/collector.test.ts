import { describe, expect, it } from "vitest";
import { collectMetrics } from "./collector";
import { createLeaderWatch, type LeaderLike } from "./leader-watch";
import type { LoopDelayMonitor, WindowStats } from "./loop-delay";

function fakeLoop(window: WindowStats | undefined): LoopDelayMonitor {
  return { lastWindow: () => window, sinceStart: () => ({ p50Ms: 10, p99Ms: 20, maxMs: 2_000, samples: 9 }), tick: () => undefined, stop: () => undefined };
}

function fakeElector() {
  let leading = false;
  const listeners = new Set<(l: boolean) => void>();
  const elector: LeaderLike = { isLeader: () => leading, onChange: (l) => (listeners.add(l), () => listeners.delete(l)) };
  const set = (v: boolean) => ((leading = v), listeners.forEach((l) => l(v)));
  return { elector, set };
}

const memory = () => ({ rss: 300 * 2 ** 20, heapUsed: 120 * 2 ** 20 });
const lines = (text: string) => text.split("\n").filter((l) => l !== "" && !l.startsWith("#"));

describe("collectMetrics", () => {
  it("publishes the last window and since-start delays in seconds, leadership, memory and uptime", () => {
    const { elector, set } = fakeElector();
    const leader = createLeaderWatch();
    leader.attach(elector);
    set(true);
    const text = collectMetrics({ loop: fakeLoop({ p50Ms: 10, p99Ms: 40, maxMs: 55, samples: 480, startMs: 5_000, endMs: 10_500 }), leader, memory, uptime: () => 42 });
    expect(lines(text)).toEqual([
      'eastwest_event_loop_delay_seconds{range="last_window",stat="p50"} 0.01',
      'eastwest_event_loop_delay_seconds{range="last_window",stat="p99"} 0.04',
      'eastwest_event_loop_delay_seconds{range="last_window",stat="max"} 0.055',
      'eastwest_event_loop_delay_seconds{range="since_start",stat="p50"} 0.01',
      'eastwest_event_loop_delay_seconds{range="since_start",stat="p99"} 0.02',
      'eastwest_event_loop_delay_seconds{range="since_start",stat="max"} 2',
      "eastwest_event_loop_delay_window_seconds 5.5",
      "eastwest_event_loop_delay_window_end_seconds 10.5",
      "eastwest_registry_leader_election 1",
      "eastwest_registry_leader 1",
      "eastwest_registry_leader_transitions_total 1",
      `process_resident_memory_bytes ${300 * 2 ** 20}`,
      `nodejs_heap_size_used_bytes ${120 * 2 ** 20}`,
      "process_uptime_seconds 42",
    ]);
    expect(text).toContain("# TYPE eastwest_registry_leader_transitions_total counter");
  });

  it("before the first window closes, only since-start; without an election (observe mode), leader 0 and election 0", () => {
    const leader = createLeaderWatch();
    leader.attach(undefined);
    const text = collectMetrics({ loop: fakeLoop(undefined), leader, memory, uptime: () => 1 });
    expect(text).not.toContain("last_window");
    expect(text).not.toContain("window_seconds");
    expect(lines(text)).toEqual(expect.arrayContaining(["eastwest_registry_leader_election 0", "eastwest_registry_leader 0", "eastwest_registry_leader_transitions_total 0"]));
  });

  it("counts every change of leadership, and reads a lapsed lease as not leading", () => {
    const { elector, set } = fakeElector();
    const leader = createLeaderWatch();
    leader.attach(elector);
    set(true);
    set(false);
    set(true);
    expect(leader.read()).toEqual({ election: true, leader: true, transitions: 3 });
    leader.stop();
    set(false);
    expect(leader.read()).toEqual({ election: true, leader: false, transitions: 3 });
  });
});

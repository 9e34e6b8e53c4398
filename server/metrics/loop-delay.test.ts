import { describe, expect, it } from "vitest";
import { createLoopDelayMonitor, statsOf, type DelayHistogram } from "./loop-delay";

/** A histogram fed by hand (values in ms, stored as ns like node's). Nearest-rank percentiles. */
function fakeHistogram(): DelayHistogram & { record(ms: number): void; disabled: boolean } {
  let values: number[] = [];
  return {
    disabled: false,
    record: (ms) => void values.push(ms * 1e6),
    percentile(p) {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
    },
    get max() {
      return Math.max(0, ...values);
    },
    get count() {
      return values.length;
    },
    reset: () => void (values = []),
    disable() {
      this.disabled = true;
    },
  };
}

function harness() {
  let clock = 1_000;
  const made: Array<ReturnType<typeof fakeHistogram>> = [];
  let cancelled = false;
  const monitor = createLoopDelayMonitor({
    windowMs: 5_000,
    now: () => clock,
    histogram: () => {
      const h = fakeHistogram();
      made.push(h);
      return h;
    },
    every: () => () => void (cancelled = true),
  });
  const [total, current] = made;
  if (!total || !current) throw new Error("two histograms expected");
  const record = (ms: number) => (total.record(ms), current.record(ms));
  return { monitor, record, advance: (ms: number) => void (clock += ms), made, cancelled: () => cancelled };
}

describe("loop delay monitor", () => {
  it("has no completed window until windowMs has passed; since-start counts from the first sample", () => {
    const h = harness();
    h.record(10);
    h.advance(4_999);
    h.monitor.tick();
    expect(h.monitor.lastWindow()).toBeUndefined();
    expect(h.monitor.sinceStart()).toEqual({ p50Ms: 10, p99Ms: 10, maxMs: 10, samples: 1 });
  });

  it("closes the window at windowMs: keeps its p50/p99/max and bounds, and starts the next one empty", () => {
    const h = harness();
    for (let i = 0; i < 99; i++) h.record(10);
    h.record(400);
    h.advance(5_000);
    h.monitor.tick();
    expect(h.monitor.lastWindow()).toEqual({ p50Ms: 10, p99Ms: 10, maxMs: 400, samples: 100, startMs: 1_000, endMs: 6_000 });
    h.record(20);
    h.advance(2_000);
    h.monitor.tick();
    expect(h.monitor.lastWindow()?.maxMs).toBe(400);
    h.advance(3_000);
    h.monitor.tick();
    expect(h.monitor.lastWindow()).toEqual({ p50Ms: 20, p99Ms: 20, maxMs: 20, samples: 1, startMs: 6_000, endMs: 11_000 });
    expect(h.monitor.sinceStart().maxMs).toBe(400);
    expect(h.monitor.sinceStart().samples).toBe(101);
  });

  it("a window whose end a stall delayed is as long as it really was, and holds the stall", () => {
    const h = harness();
    h.record(30_000);
    h.advance(31_000);
    h.monitor.tick();
    const w = h.monitor.lastWindow();
    expect(w && w.endMs - w.startMs).toBe(31_000);
    expect(w?.maxMs).toBe(30_000);
  });

  it("an empty window reads zero with zero samples, not NaN", () => {
    const h = harness();
    h.advance(5_000);
    h.monitor.tick();
    expect(h.monitor.lastWindow()).toMatchObject({ p50Ms: 0, p99Ms: 0, maxMs: 0, samples: 0 });
  });

  it("stop cancels the timer and disables both histograms", () => {
    const h = harness();
    h.monitor.stop();
    expect(h.cancelled()).toBe(true);
    expect(h.made.every((m) => m.disabled)).toBe(true);
  });

  it("reads node's own histogram (nanoseconds) in milliseconds", () => {
    expect(statsOf({ percentile: (p) => p * 1e6, max: 250e6, count: 3, reset: () => undefined, disable: () => undefined })).toEqual({ p50Ms: 50, p99Ms: 99, maxMs: 250, samples: 3 });
  });
});

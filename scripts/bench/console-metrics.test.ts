import { describe, expect, it } from "vitest";
import { collectMetrics } from "@/server/metrics/collector";
import { createLeaderWatch } from "@/server/metrics/leader-watch";
import { readingOf, windowsAfter, type MetricsReading } from "./console-metrics";

describe("console metrics, as the benchmark reads them", () => {
  it("reads back what the console's collector writes (milliseconds, leadership, memory)", () => {
    const leader = createLeaderWatch();
    leader.attach({ isLeader: () => true, onChange: () => () => undefined });
    const text = collectMetrics({
      loop: { lastWindow: () => ({ p50Ms: 10, p99Ms: 42, maxMs: 60, samples: 500, startMs: 0, endMs: 5_200 }), sinceStart: () => ({ p50Ms: 10, p99Ms: 30, maxMs: 900, samples: 900 }), tick: () => undefined, stop: () => undefined },
      leader,
      memory: () => ({ rss: 1_000, heapUsed: 500 }),
      uptime: () => 9,
    });
    const r = readingOf(text, 123);
    expect(r.window).toEqual({ endS: 5.2, lengthS: 5.2, p50Ms: 10, p99Ms: 42, maxMs: 60 });
    expect(r.sinceStart).toEqual({ p50Ms: 10, p99Ms: 30, maxMs: 900 });
    expect(r).toMatchObject({ at: 123, leader: 1, transitions: 0, rssBytes: 1_000, heapUsedBytes: 500 });
  });

  it("collects each window once, by its end, and only those after the given end", () => {
    const w = (endS: number, p99Ms: number) => ({ endS, lengthS: 5, p50Ms: 1, p99Ms, maxMs: p99Ms });
    const base = { sinceStart: { p50Ms: 0, p99Ms: 0, maxMs: 0 }, leader: 1, transitions: 0, rssBytes: 0, heapUsedBytes: 0 };
    const readings: MetricsReading[] = [
      { ...base, at: 1, window: w(5, 11) },
      { ...base, at: 2, window: w(10, 12) },
      { ...base, at: 3, window: w(10, 12) },
      { ...base, at: 4, window: w(15, 80) },
      { ...base, at: 5 },
    ];
    expect(windowsAfter(readings, 5).map((x) => [x.endS, x.p99Ms])).toEqual([
      [10, 12],
      [15, 80],
    ]);
  });
});

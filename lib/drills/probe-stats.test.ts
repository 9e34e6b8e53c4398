import { describe, expect, it } from "vitest";
import type { ProbeSample } from "./machine-types";
import { commonestError, firstRemoteServedAt, localAgainAt, percentile, probeStats, shiftedAt } from "./probe-stats";

// A compact sample: at (s), "w"/"e" = ok from west/east, "x" = failed, "u" = ok without served-by.
const s = (at: number, who: "w" | "e" | "x" | "u", latencyMs = 10, error?: string): ProbeSample => {
  if (who === "x") return { at: at * 1000, ok: false, status: 503, latencyMs, ...(error ? { error } : {}) };
  return { at: at * 1000, ok: true, status: 200, latencyMs, ...(who === "u" ? {} : { servedByCluster: who === "w" ? "west" : "east" }) };
};
const seq = (spec: string, start = 0, step = 1): ProbeSample[] => [...spec].map((c, i) => s(start + i * step, c as "w"));

describe("percentile (nearest rank)", () => {
  it.each([
    [[], 50, undefined],
    [[7], 95, 7],
    [[1, 2, 3, 4], 50, 2],
    [[4, 3, 2, 1], 95, 4],
    [[...Array(100).keys()].map((i) => i + 1), 95, 95],
    [[...Array(100).keys()].map((i) => i + 1), 50, 50],
  ])("%j p%d → %s", (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});

describe("probeStats", () => {
  it.each([
    ["empty window", seq("ww"), { from: 10_000 }, { requests: 0, succeeded: 0, failed: 0, servedBy: {} }],
    [
      "mixed",
      [s(0, "w", 10), s(1, "w", 20), s(2, "x", 5000), s(3, "e", 40), s(4, "u", 30)],
      { from: 0 },
      { requests: 5, succeeded: 4, failed: 1, successRate: 0.8, p50LatencyMs: 20, p95LatencyMs: 40, servedBy: { west: 2, east: 1, unknown: 1 } },
    ],
    [
      "window bounds: from inclusive, to exclusive",
      seq("wwee"),
      { from: 1000, to: 3000 },
      { requests: 2, succeeded: 2, failed: 0, successRate: 1, p50LatencyMs: 10, p95LatencyMs: 10, servedBy: { west: 1, east: 1 } },
    ],
    ["all failed", seq("xxx"), { from: 0 }, { requests: 3, succeeded: 0, failed: 3, successRate: 0, servedBy: {} }],
  ])("%s", (_name, samples, window, expected) => {
    expect(probeStats(samples, window)).toEqual(expected);
  });
});

describe("time to shift", () => {
  it.each([
    ["clean local baseline, errors, then east", "wwwxxeee", 3, 5, 5],
    ["east right away", "wwweee", 3, 3, 3],
    ["nothing remote yet", "wwwxxx", 3, undefined, undefined],
    ["a terminating local pod still answers after the first remote", "wwwewee", 3, 3, 5],
    ["spread baseline: remote before the fault does not count", "wewexee", 4, 5, 5],
    ["local again at the end: not shifted (yet)", "wwweew", 3, 3, undefined],
  ])("%s", (_name, spec, after, first, shifted) => {
    const samples = seq(spec);
    expect(firstRemoteServedAt(samples, "west", after * 1000)).toBe(first === undefined ? undefined : first * 1000);
    expect(shiftedAt(samples, "west", after * 1000)).toBe(shifted === undefined ? undefined : shifted * 1000);
  });

  it("orders samples handed over out of order", () => {
    const samples = [s(5, "e"), s(3, "w"), s(4, "e"), s(6, "e")];
    expect(shiftedAt(samples, "west", 0)).toBe(4000);
    expect(firstRemoteServedAt(samples, "west", 0)).toBe(4000);
    expect(localAgainAt([s(9, "w"), s(7, "w"), s(8, "e")], "west", 0)).toBe(7000);
  });

  it("stops at `to`", () => {
    expect(shiftedAt(seq("wwweew"), "west", 3000, 5000)).toBe(3000);
  });
});

describe("localAgainAt", () => {
  it.each([
    ["east then west", "eeeww", 0, 3],
    ["failures then west", "exxw", 1, 3],
    ["before `after` does not count", "weee", 1, undefined],
    ["a local failure is not local serving", "eexx", 0, undefined],
  ])("%s", (_name, spec, after, expected) => {
    expect(localAgainAt(seq(spec), "west", after * 1000)).toBe(expected === undefined ? undefined : expected * 1000);
  });
});

describe("commonestError", () => {
  it("names the most frequent failure", () => {
    const samples = [s(0, "x", 1, "no healthy upstream"), s(1, "x", 1, "reset"), s(2, "x", 1, "no healthy upstream"), s(3, "w")];
    expect(commonestError(samples, { from: 0 })).toBe("no healthy upstream");
  });
  it("falls back to the status, and to nothing without failures", () => {
    expect(commonestError([s(0, "x")], { from: 0 })).toBe("HTTP 503");
    expect(commonestError([{ at: 0, ok: false, status: 0 }], { from: 0 })).toBe("no response");
    expect(commonestError(seq("ww"), { from: 0 })).toBeUndefined();
  });
});

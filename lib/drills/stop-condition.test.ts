import { describe, expect, it } from "vitest";
import type { ProbeSample } from "./machine-types";
import { evaluateStopCondition } from "./stop-condition";

const FROM = 1_000_000;
// One sample per `stepMs` from FROM; "." ok, "x" failed, " " no sample.
const timeline = (spec: string, stepMs = 200): ProbeSample[] =>
  [...spec].flatMap((c, i) => (c === " " ? [] : [{ at: FROM + i * stepMs, ok: c === ".", status: c === "." ? 200 : 503 }]));
const cond = { errorRateAbove: 0.5, forSeconds: 3 };

describe("evaluateStopCondition", () => {
  it.each([
    ["no samples", "", false],
    ["all ok", ".".repeat(50), false],
    ["errors for exactly 3 s are not longer than 3 s", "x".repeat(16), false],
    ["errors for 3.2 s", "x".repeat(17), true],
    ["errors with a healthy second in between", "x".repeat(10) + ".....".repeat(1) + "x".repeat(10), false],
    ["60% errors per second stays bad", "xxx..".repeat(5), true],
    ["40% errors per second is under the threshold", "xx...".repeat(10), false],
    ["a long silence between two error bursts breaks the run", "x".repeat(10) + " ".repeat(40) + "x".repeat(10), false],
    ["a short silence is bridged", "x".repeat(10) + " ".repeat(10) + "x".repeat(10), true],
    ["silence alone is not errors", " ".repeat(100), false],
  ])("%s → met %s", (_name, spec, met) => {
    expect(evaluateStopCondition(timeline(spec), cond, { from: FROM }).met).toBe(met);
  });

  it("a stream of 5 s timeouts is one run", () => {
    const samples = [0, 5, 10, 15].map((t) => ({ at: FROM + t * 1000, ok: false, status: 0 }));
    expect(evaluateStopCondition(samples, { errorRateAbove: 0.5, forSeconds: 12 }, { from: FROM })).toEqual({
      met: true,
      since: FROM,
      until: FROM + 15_000,
      seconds: 15,
      errorRate: 1,
    });
  });

  it("reports the longest run when not met", () => {
    const result = evaluateStopCondition(timeline("x".repeat(6) + ".".repeat(10) + "x".repeat(11)), cond, { from: FROM });
    expect(result).toEqual({ met: false, longestSeconds: 2 });
  });

  it("judges only the window", () => {
    const samples = timeline("x".repeat(30) + ".".repeat(10));
    expect(evaluateStopCondition(samples, cond, { from: FROM + 6000 }).met).toBe(false);
    expect(evaluateStopCondition(samples, cond, { from: FROM }).met).toBe(true);
  });

  it("a threshold of 0 stops on any failing second", () => {
    const samples = timeline("x....".repeat(10));
    expect(evaluateStopCondition(samples, { errorRateAbove: 0, forSeconds: 3 }, { from: FROM }).met).toBe(true);
    expect(evaluateStopCondition(samples, { errorRateAbove: 0.25, forSeconds: 3 }, { from: FROM }).met).toBe(false);
  });
});

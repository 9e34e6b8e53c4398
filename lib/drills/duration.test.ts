import { describe, expect, it } from "vitest";
import { checkDrillDuration, drillDurationSeconds, formatSeconds, parseGoDuration } from "./duration";
import { MAX_DRILL_DURATION_SECONDS } from "./schema";

describe("parseGoDuration", () => {
  it.each([
    ["90s", 90],
    ["2m", 120],
    ["1m30s", 90],
    ["500ms", 0.5],
    ["1.5h", 5400],
    ["1h2m3s", 3723],
    [".5s", 0.5],
    ["1.s", 1],
    ["0", 0],
    ["+30s", 30],
    ["-1m", -60],
    ["1500us", 0.0015],
    ["1500µs", 0.0015],
    ["2000000ns", 0.002],
    ["0.1s200ms", 0.3],
    [" 15m ", 900],
  ])("%s → %d s", (text, seconds) => {
    expect(parseGoDuration(text)).toEqual({ ok: true, seconds });
  });

  it.each([
    ["", "empty"],
    ["90", "missing unit"],
    ["1m30", "missing unit"],
    ["2 m", 'unexpected "2 m"'],
    ["2d", 'unexpected "2d"'],
    ["abc", 'unexpected "abc"'],
    ["-", "no number"],
    [".s", 'unexpected ".s"'],
  ])("%j is refused (%s)", (text, why) => {
    const result = parseGoDuration(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(why);
      expect(result.message).toContain("e.g. 90s, 2m or 1m30s");
    }
  });
});

describe("checkDrillDuration", () => {
  it.each([
    [1, true],
    [120, true],
    [MAX_DRILL_DURATION_SECONDS, true],
    [MAX_DRILL_DURATION_SECONDS + 1, false],
    [0, false],
    [-5, false],
    [Number.NaN, false],
  ])("%d s → ok %s", (seconds, ok) => {
    expect(checkDrillDuration(seconds).ok).toBe(ok);
  });

  it("names the cap when over it", () => {
    const result = checkDrillDuration(16 * 60);
    expect(result).toEqual({ ok: false, message: expect.stringContaining("16 min is over the cap of 15 min") });
  });
});

describe("drillDurationSeconds", () => {
  it.each([
    ["2m", { ok: true, seconds: 120 }],
    ["15m", { ok: true, seconds: 900 }],
    ["15m1s", { ok: false, message: expect.stringContaining("over the cap") }],
    ["1h", { ok: false, message: expect.stringContaining("over the cap") }],
    ["0s", { ok: false, message: expect.stringContaining("longer than 0 s") }],
    ["-2m", { ok: false, message: expect.stringContaining("longer than 0 s") }],
    ["soon", { ok: false, message: expect.stringContaining("not a duration") }],
  ])("%s", (text, expected) => {
    expect(drillDurationSeconds(text)).toEqual(expected);
  });
});

describe("formatSeconds", () => {
  it.each([
    [0, "0 s"],
    [4.25, "4.3 s"],
    [45, "45 s"],
    [60, "1 min"],
    [90, "1 min 30 s"],
    [900, "15 min"],
  ])("%d → %s", (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });
});

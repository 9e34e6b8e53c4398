import { describe, expect, it } from "vitest";
import { formatAge, formatClock, formatLatency } from "./format";

const now = new Date("2026-01-10T12:00:00Z");
const ago = (s: number) => new Date(now.getTime() - s * 1000);

describe("formatAge (kubectl HumanDuration)", () => {
  it.each([
    [0, "0s"],
    [5, "5s"],
    [119, "119s"],
    [180, "3m"],
    [185, "3m5s"],
    [599, "9m59s"],
    [600, "10m"],
    [179 * 60, "179m"],
    [2 * 3600, "120m"],
    [3 * 3600, "3h"],
    [3 * 3600 + 120, "3h2m"],
    [8 * 3600, "8h"],
    [47 * 3600, "47h"],
    [4 * 86400, "4d"],
    [4 * 86400 + 3 * 3600, "4d3h"],
    [30 * 86400, "30d"],
    [3 * 365 * 86400, "3y"],
    [10 * 365 * 86400, "10y"],
  ])("%is ago → %s", (seconds, expected) => {
    expect(formatAge(ago(seconds), now)).toBe(expected);
  });

  it.each([
    [new Date(now.getTime() + 500), "0s"],
    [new Date(now.getTime() + 5000), "<invalid>"],
    ["not a date", "unknown"],
  ])("edge %s → %s", (from, expected) => {
    expect(formatAge(from, now)).toBe(expected);
  });

  it("accepts ISO strings", () => {
    expect(formatAge("2026-01-10T11:57:00Z", now)).toBe("3m");
  });
});

describe("formatLatency", () => {
  it.each([
    [0, "0 ms"],
    [3.4, "3 ms"],
    [999.4, "999 ms"],
    [1250, "1.3 s"],
  ])("%d → %s", (ms, expected) => {
    expect(formatLatency(ms)).toBe(expected);
  });
});

describe("formatClock", () => {
  it.each([
    ["2026-01-10T14:03:05.123Z", "14:03:05 UTC"],
    ["2026-01-10T00:00:00Z", "00:00:00 UTC"],
    ["not a date", "unknown"],
  ])("%s → %s", (iso, expected) => {
    expect(formatClock(iso)).toBe(expected);
  });
});

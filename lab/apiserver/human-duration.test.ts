import { describe, expect, it } from "vitest";
import { age, humanDuration } from "./human-duration";

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe("humanDuration (k8s.io/apimachinery/pkg/util/duration)", () => {
  it.each([
    [-5 * s, "<invalid>"], [-1 * s, "0s"], [0, "0s"], [59 * s, "59s"], [119 * s, "119s"], [2 * m, "2m"], [3 * m + 12 * s, "3m12s"],
    [10 * m, "10m"], [179 * m, "179m"], [3 * h, "3h"], [5 * h + 2 * m, "5h2m"], [8 * h, "8h"], [47 * h, "47h"], [2 * d, "2d"],
    [3 * d + 4 * h, "3d4h"], [8 * d, "8d"], [729 * d, "729d"], [2 * 365 * d, "2y"], [3 * 365 * d + 5 * d, "3y5d"], [9 * 365 * d, "9y"],
  ])("%d ms → %s", (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it("age of a missing or malformed timestamp is <unknown>", () => {
    expect(age(undefined)).toBe("<unknown>");
    expect(age("yesterday")).toBe("<unknown>");
    expect(age("2026-01-01T00:00:00Z", Date.parse("2026-01-01T00:00:30Z"))).toBe("30s");
  });
});

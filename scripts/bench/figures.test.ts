import { describe, expect, it } from "vitest";
import { percentile } from "./figures";

describe("percentile (nearest rank)", () => {
  it.each([
    [[], 50, Number.NaN],
    [[7], 95, 7],
    [[3, 1, 2], 50, 2],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95, 10],
    [[10, 20, 30, 40], 0, 10],
    [[10, 20, 30, 40], 100, 40],
  ])("%j p%i = %d", (values, p, expected) => {
    expect(percentile(values, p)).toEqual(expected);
  });
});

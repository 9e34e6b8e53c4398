import { describe, expect, it } from "vitest";
import { drain, type Steps } from "./steps";

function* counted(n: number, seen: number[]): Steps<number> {
  let sum = 0;
  for (let i = 1; i <= n; i++) {
    sum += i;
    seen.push(i);
    yield;
  }
  return sum;
}

describe("drain", () => {
  it.each([
    [0, 0],
    [1, 1],
    [4, 10],
  ])("runs all %i steps and returns their result %i", (n, sum) => {
    const seen: number[] = [];
    expect(drain(counted(n, seen))).toBe(sum);
    expect(seen).toHaveLength(n);
  });
});

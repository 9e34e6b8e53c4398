import { describe, expect, it } from "vitest";
import { createViewMemo } from "./view-memo";

describe("ViewMemo.getAsync", () => {
  it("shares one computation between callers with the same keys, and computes again when a key changes", async () => {
    const memo = createViewMemo();
    const a = {};
    let runs = 0;
    const compute = async () => ++runs;
    const first = memo.getAsync("slot", [a], compute);
    expect(memo.getAsync("slot", [a], compute)).toBe(first);
    await expect(first).resolves.toBe(1);
    await expect(memo.getAsync("slot", [{}], compute)).resolves.toBe(2);
  });

  it("forgets a failed computation, so the next caller tries again", async () => {
    const memo = createViewMemo();
    const key = {};
    let runs = 0;
    const compute = async () => {
      runs += 1;
      if (runs === 1) throw new Error("first attempt fails");
      return runs;
    };
    await expect(memo.getAsync("slot", [key], compute)).rejects.toThrow("first attempt fails");
    await expect(memo.getAsync("slot", [key], compute)).resolves.toBe(2);
  });
});

import { describe, expect, it } from "vitest";
import { capFieldErrors, quoted, someOf, truncated } from "./bounded-text";

describe("bounded text", () => {
  it.each([
    ["short", "short"],
    ["x".repeat(80), "x".repeat(80)],
    ["x".repeat(81), `${"x".repeat(80)}… (81 characters)`],
    ["y".repeat(1_000_000), `${"y".repeat(80)}… (1,000,000 characters)`],
  ])("truncated(%#)", (text, expected) => {
    expect(truncated(text)).toBe(expected);
    expect(quoted(text)).toBe(`"${expected}"`);
  });

  it.each([
    [[], ""],
    [["a", "b"], "a, b"],
    [Array.from({ length: 12 }, (_, i) => `n${i}`), "n0, n1, n2, n3, n4, n5, n6, n7, n8, n9 and 2 more"],
  ])("someOf(%j)", (names, expected) => {
    expect(someOf(names)).toBe(expected);
  });
});

describe("capFieldErrors", () => {
  const errors = (n: number) => Array.from({ length: n }, (_, i) => ({ field: `s.${i}`, message: `bad ${i}` }));

  it("keeps up to 20 as they are", () => {
    expect(capFieldErrors(errors(20))).toEqual(errors(20));
  });

  it("keeps the first 20 and counts the rest in one entry", () => {
    const capped = capFieldErrors(errors(160_000));
    expect(capped).toHaveLength(21);
    expect(capped[19]).toEqual({ field: "s.19", message: "bad 19" });
    expect(capped[20]).toEqual({ field: "(input)", message: "and 159,980 more problems like these; fix the ones shown first." });
  });

  it("counts errors the caller did not turn into entries, and cuts long messages", () => {
    const capped = capFieldErrors([{ field: "f", message: "m".repeat(5_000) }], 30);
    expect(capped[0]?.message.length).toBeLessThan(700);
    expect(capped[1]?.message).toBe("and 29 more problems like these; fix the ones shown first.");
  });
});

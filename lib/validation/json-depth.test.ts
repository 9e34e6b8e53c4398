import { describe, expect, it } from "vitest";
import { nestsDeeperThan, objectTitle, tooDeepProblem } from "./json-depth";

const nested = (levels: number, leaf: unknown = 1): unknown => {
  let value: unknown = leaf;
  for (let i = 0; i < levels; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
};

describe("nestsDeeperThan", () => {
  it.each([
    ["a scalar", 1, 0, false],
    ["null", null, 0, false],
    ["an empty object is one level", {}, 0, true],
    ["an empty object within 1", {}, 1, false],
    ["3 levels within 3", nested(3), 3, false],
    ["4 levels above 3", nested(4), 3, true],
    ["a deep branch beside shallow ones", { a: 1, b: [1, 2], c: nested(10) }, 9, true],
    ["10,000 levels, without recursion", nested(10_000), 64, true],
  ])("%s (max %#)", (_name, value, max, expected) => {
    expect(nestsDeeperThan(value, max as number)).toBe(expected);
  });

  it("stops on a cyclic value instead of looping", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(nestsDeeperThan(cyclic, 64)).toBe(true);
  });
});

describe("tooDeepProblem", () => {
  it.each([
    ["absent", undefined, undefined],
    ["shallow", { metadata: { name: "s", namespace: "ns" } }, undefined],
    ["too deep", { metadata: { name: "s", namespace: "ns" }, spec: nested(70) }, "WorkspaceSetting ns/s nests deeper than 64 levels; the console will not edit it. Flatten it with kubectl, then try again."],
  ])("%s", (_name, value, expected) => {
    expect(tooDeepProblem("WorkspaceSetting", value)).toBe(expected);
  });

  it("names an object without a namespace or name", () => {
    expect(objectTitle("Namespace", { metadata: { name: "bookinfo" } })).toBe("Namespace bookinfo");
    expect(objectTitle("Thing", 42)).toBe("Thing (unnamed)");
  });
});

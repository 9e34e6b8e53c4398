import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { isPlainJson, serializeResponse } from "./plain-json";

class Point {
  constructor(readonly x: number) {}
}

describe("isPlainJson", () => {
  it.each<[string, unknown, boolean]>([
    ["a string", "west", true],
    ["null", null, true],
    ["a nested plain object", { a: [1, "b", { c: true, d: null }], e: {} }, true],
    ["an object with an undefined property", { a: undefined, b: 1 }, true],
    ["a null-prototype object", Object.assign(Object.create(null) as object, { a: 1 }), true],
    ["a frozen object", Object.freeze({ a: Object.freeze([1, 2]) }), true],
    ["undefined itself", undefined, false],
    ["an undefined array element", [1, undefined], false],
    ["a Date", { at: new Date(0) }, false],
    ["a Map", { m: new Map([["a", 1]]) }, false],
    ["a Set deep inside", { a: [{ b: new Set([1]) }] }, false],
    ["NaN", { n: Number.NaN }, false],
    ["Infinity in an array", [Number.POSITIVE_INFINITY], false],
    ["-0", { z: -0 }, false],
    ["a bigint", { b: 1n }, false],
    ["a class instance", { p: new Point(1) }, false],
    ["a function", { f: () => 1 }, false],
  ])("%s → %s", (_, value, plain) => {
    expect(isPlainJson(value)).toBe(plain);
  });

  it("gives up (not plain) past its visit budget, so a cycle or a huge value falls back to superjson", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(isPlainJson(cyclic, 1_000)).toBe(false);
    expect(isPlainJson(Array.from({ length: 10 }, () => ({})), 5)).toBe(false);
  });
});

describe("serializeResponse", () => {
  it.each<[string, unknown]>([
    ["plain", { clusters: [{ name: "west", ready: 3 }], note: "x" }],
    ["with an undefined property", { a: undefined, b: [1] }],
    ["with a Date", { at: new Date(1_700_000_000_000) }],
    ["with a Map and NaN", { m: new Map([["k", Number.NaN]]) }],
  ])("%s: the browser's superjson reads back what superjson itself would give", (_, value) => {
    const sent = JSON.parse(JSON.stringify(serializeResponse(value))) as Parameters<typeof superjson.deserialize>[0];
    const reference = JSON.parse(JSON.stringify(superjson.serialize(value))) as Parameters<typeof superjson.deserialize>[0];
    expect(superjson.deserialize(sent)).toEqual(superjson.deserialize(reference));
  });

  it("sends a plain value without superjson's meta or a copy", () => {
    const value = { a: [1, 2] };
    const sent = serializeResponse(value);
    expect(sent.meta).toBeUndefined();
    expect(sent.json).toBe(value);
  });

  it("answers the same object again from its first verdict (responses are never mutated once returned)", () => {
    const value: Record<string, unknown> = { a: [1, 2] };
    expect(serializeResponse(value).meta).toBeUndefined();
    // Breaking the contract shows the verdict was kept: a Date added later is not looked for again.
    value.at = new Date(0);
    expect(serializeResponse(value).meta).toBeUndefined();
    // A new object with a Date is walked and goes through superjson.
    expect(serializeResponse({ at: new Date(0) }).meta).toBeDefined();
  });
});

import { describe, expect, it } from "vitest";
import { deepFreeze } from "./deep-freeze";

describe("deepFreeze", () => {
  it("freezes nested objects and arrays, and makes Maps and Sets read-only", () => {
    const value = { a: { b: [1, { c: 2 }] }, m: new Map([["k", { v: 1 }]]), s: new Set([{ w: 1 }]) };
    expect(deepFreeze(value)).toBe(value);
    expect(() => ((value.a.b[1] as { c: number }).c = 3)).toThrow(TypeError);
    expect(() => (value.a.b as unknown[]).push(3)).toThrow(TypeError);
    expect(() => value.m.set("x", { v: 2 })).toThrow(/frozen/);
    expect(() => value.m.clear()).toThrow(/frozen/);
    expect(() => ((value.m.get("k") as { v: number }).v = 2)).toThrow(TypeError);
    expect(() => value.s.add({ w: 2 })).toThrow(/frozen/);
    expect(value.m.get("k")).toEqual({ v: 1 });
    expect(new Map(value.m).size).toBe(1);
  });

  it("stops at what is already frozen and handles cycles", () => {
    const shared = Object.freeze({ inner: { x: 1 } });
    const cyclic: { self?: unknown; shared: typeof shared } = { shared };
    cyclic.self = cyclic;
    deepFreeze(cyclic);
    expect(Object.isFrozen(cyclic)).toBe(true);
    // Already frozen when met: not descended into (its owner froze what it meant to).
    expect(Object.isFrozen(shared.inner)).toBe(false);
  });
});

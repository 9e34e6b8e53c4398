import { describe, expect, it } from "vitest";
import type { InternTable } from "./intern-strings";
import { recordTable, sharedRecord, SHARED_RECORD_MAX_CHARS } from "./shared-records";

// Each case parses its JSON texts afresh (as an informer does, one parse per cluster) and shares them in order.
describe("sharedRecord", () => {
  it.each([
    { name: "equal specs from two clusters", texts: ['{"address":"10.0.0.1","ports":{"http":15443}}', '{"address":"10.0.0.1","ports":{"http":15443}}'], shared: true },
    { name: "equal labels", texts: ['{"app":"reviews"}', '{"app":"reviews"}'], shared: true },
    { name: "empty records", texts: ["{}", "{}"], shared: true },
    { name: "equal arrays", texts: ['["a","b"]', '["a","b"]'], shared: true },
    { name: "a value that differs", texts: ['{"address":"10.0.0.1"}', '{"address":"10.0.0.2"}'], shared: false },
    { name: "a nested value that differs", texts: ['{"ports":{"http":15443}}', '{"ports":{"http":15444}}'], shared: false },
    // Key order is part of what a reader sees (Object.keys): records that list keys differently are not merged.
    { name: "the same keys in another order", texts: ['{"a":"1","b":"2"}', '{"b":"2","a":"1"}'], shared: false },
  ])("$name: shared $shared", ({ texts, shared }) => {
    const table = recordTable(100);
    const [first, second] = texts.map((t) => sharedRecord(JSON.parse(t) as unknown, table));
    expect(first === second).toBe(shared);
    expect(JSON.stringify(second)).toBe(texts[1]);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(second)).toBe(true);
  });

  it("freezes a shared part all the way down, so no holder can change it for the others", () => {
    const part = sharedRecord({ labels: { app: "reviews" }, ports: [{ name: "http" }] }, recordTable(10));
    expect(Object.isFrozen(part.labels)).toBe(true);
    expect(Object.isFrozen(part.ports[0])).toBe(true);
    expect(() => {
      (part.labels as Record<string, string>).app = "x";
    }).toThrow(TypeError);
  });

  it.each([
    { name: "a string", value: "x" },
    { name: "null", value: null },
    { name: "undefined", value: undefined },
    { name: "a number", value: 3 },
  ])("returns $name as it is and remembers nothing", ({ value }) => {
    const table = recordTable(10);
    expect(sharedRecord(value, table)).toBe(value);
    expect(table.parts.size).toBe(0);
  });

  it("leaves a part longer than the limit unshared and unfrozen", () => {
    const long = () => ({ hosts: ["h".repeat(SHARED_RECORD_MAX_CHARS)] });
    const table = recordTable(10);
    const [a, b] = [sharedRecord(long(), table), sharedRecord(long(), table)];
    expect(a).not.toBe(b);
    expect(Object.isFrozen(a)).toBe(false);
    expect(table.parts.size).toBe(0);
  });

  it("shares the strings of a new part through the table, but for its own keys' values", () => {
    const strings: InternTable = new Map();
    sharedRecord({ "eastwest.tetrate.io/content-hash": "abc", workspace: "payments" }, recordTable(10), strings, new Set(["eastwest.tetrate.io/content-hash"]));
    expect([...strings.keys()]).toEqual(["payments"]);
  });

  it("starts over when full: parts already shared stay so, and later ones are shared again", () => {
    const table = recordTable(2);
    const kept = sharedRecord({ n: 0 }, table);
    sharedRecord({ n: 1 }, table);
    const third = sharedRecord({ n: 2 }, table);
    expect(table.parts.size).toBe(1);
    expect(Object.isFrozen(kept)).toBe(true);
    expect(sharedRecord({ n: 2 }, table)).toBe(third);
    expect(sharedRecord({ n: 0 }, table)).not.toBe(kept);
  });
});

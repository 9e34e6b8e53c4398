import { describe, expect, it } from "vitest";
import { fieldChanges, joinPath } from "./field-changes";

describe("fieldChanges", () => {
  it.each([
    ["equal", { a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 }, []],
    ["added", { a: 1 }, { a: 1, b: 2 }, [{ path: "b", change: "added" }]],
    ["removed", { a: { b: 1, c: 2 } }, { a: { b: 1 } }, [{ path: "a.c", change: "removed" }]],
    ["changed scalar", { a: { b: 1 } }, { a: { b: 2 } }, [{ path: "a.b", change: "changed" }]],
    ["lists are atomic", { s: ["a", "b"] }, { s: ["a", "c"] }, [{ path: "s", change: "changed" }]],
    ["list of objects", { s: [{ x: 1 }] }, { s: [{ x: 1 }, { x: 2 }] }, [{ path: "s", change: "changed" }]],
    ["type change", { a: { b: 1 } }, { a: "x" }, [{ path: "a", change: "changed" }]],
    ["label keys bracketed", { metadata: { labels: {} } }, { metadata: { labels: { "app.kubernetes.io/managed-by": "x" } } }, [{ path: 'metadata.labels["app.kubernetes.io/managed-by"]', change: "added" }]],
    ["sorted", { z: 1, a: 1 }, { z: 2, a: 2 }, [{ path: "a", change: "changed" }, { path: "z", change: "changed" }]],
  ])("%s", (_, before, after, expected) => {
    expect(fieldChanges(before, after)).toEqual(expected);
  });

  it.each([
    ["", "spec", "spec"],
    ["spec", "eastWestOnly", "spec.eastWestOnly"],
    ["metadata.labels", "app", "metadata.labels.app"],
    ["metadata.annotations", "tsb.tetrate.io/tenant", 'metadata.annotations["tsb.tetrate.io/tenant"]'],
  ])("joinPath(%j, %j)", (parent, key, expected) => {
    expect(joinPath(parent, key)).toBe(expected);
  });
});

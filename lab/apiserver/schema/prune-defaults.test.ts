// Table-driven: what pruning drops (and reports) and what defaulting fills in, per schema.
import { describe, expect, it } from "vitest";
import { applySchemaDefaults, needsDefaults } from "./defaults";
import { listHints } from "./list-types";
import { pruneObject } from "./prune";
import type { StructuralSchema } from "./structural";

const schema: StructuralSchema = {
  type: "object",
  properties: {
    spec: {
      type: "object",
      properties: {
        fault: { type: "string", default: "ScaleToZero" },
        stop: { type: "object", default: {}, properties: { rate: { type: "number", default: 0.5 }, seconds: { type: "integer", default: 10 } } },
        ports: { type: "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"], items: { type: "object", properties: { name: { type: "string" }, number: { type: "integer", default: 80 } } } },
        labels: { type: "object", additionalProperties: { type: "string" } },
        free: { type: "object", "x-kubernetes-preserve-unknown-fields": true, properties: { known: { type: "object", properties: { a: { type: "string" } } } } },
        tags: { type: "array", "x-kubernetes-list-type": "set", items: { type: "string" } },
        note: { type: "string", nullable: true },
      },
    },
    status: { type: "object", properties: { phase: { type: "string" } } },
  },
};

const pruneRows: Array<[string, Record<string, unknown>, string[], Record<string, unknown>]> = [
  ["keeps declared fields", { spec: { fault: "X" } }, [], { spec: { fault: "X" } }],
  ["drops an unknown field", { spec: { fault: "X", foo: 1 } }, ["spec.foo"], { spec: { fault: "X" } }],
  ["drops unknown fields in list items", { spec: { ports: [{ name: "a", extra: true }] } }, ["spec.ports[0].extra"], { spec: { ports: [{ name: "a" }] } }],
  ["keeps additionalProperties keys", { spec: { labels: { a: "b" } } }, [], { spec: { labels: { a: "b" } } }],
  ["keeps unknown fields where preserved, prunes below declared ones", { spec: { free: { x: 1, known: { a: "1", b: 2 } } } }, ["spec.free.known.b"], { spec: { free: { x: 1, known: { a: "1" } } } }],
  ["drops an unknown top-level field but keeps type meta", { apiVersion: "v", kind: "K", top: 1 }, ["top"], { apiVersion: "v", kind: "K" }],
  ["drops unknown metadata fields", { metadata: { name: "a", foo: "b" } }, ["metadata.foo"], { metadata: { name: "a" } }],
];

describe("pruneObject", () => {
  it.each(pruneRows)("%s", (_name, input, paths, output) => {
    const object = structuredClone(input);
    expect(pruneObject(object, schema)).toEqual(paths);
    expect(object).toEqual(output);
  });
});

const defaultRows: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
  ["fills a missing scalar and a missing object with its own defaults", { spec: {} }, { spec: { fault: "ScaleToZero", stop: { rate: 0.5, seconds: 10 } } }],
  ["keeps values that are set", { spec: { fault: "FailRequests", stop: { rate: 0.9 } } }, { spec: { fault: "FailRequests", stop: { rate: 0.9, seconds: 10 } } }],
  ["defaults inside list items", { spec: { fault: "F", stop: {}, ports: [{ name: "a" }] } }, { spec: { fault: "F", stop: { rate: 0.5, seconds: 10 }, ports: [{ name: "a", number: 80 }] } }],
  ["replaces a non-nullable null with the default", { spec: { fault: null, stop: {} } }, { spec: { fault: "ScaleToZero", stop: { rate: 0.5, seconds: 10 } } }],
  ["keeps a nullable null", { spec: { fault: "F", stop: {}, note: null } }, { spec: { fault: "F", stop: { rate: 0.5, seconds: 10 }, note: null } }],
  ["leaves a missing spec alone (no default for it)", { status: {} }, { status: {} }],
];

describe("applySchemaDefaults", () => {
  it.each(defaultRows)("%s", (_name, input, output) => {
    const object = structuredClone(input);
    expect(needsDefaults(object, schema)).toBe(JSON.stringify(input) !== JSON.stringify(output));
    applySchemaDefaults(object, schema);
    expect(object).toEqual(output);
    expect(needsDefaults(object, schema)).toBe(false);
  });
});

describe("listHints", () => {
  it("names map and set lists by dotted path for server-side apply", () => {
    expect(listHints(schema)).toEqual({ listMapKeys: { "spec.ports": ["name"] }, listSets: ["spec.tags"] });
  });
});

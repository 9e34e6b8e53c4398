// Table-driven: one schema node and value per row, the field errors apiextensions gives for it.
import { describe, expect, it } from "vitest";
import type { StructuralSchema } from "./structural";
import { validateAgainstSchema, validateValue } from "./validate";

const rows: Array<[string, StructuralSchema, unknown, string[]]> = [
  ["a matching string", { type: "string" }, "x", []],
  ["a string where an integer belongs", { type: "integer" }, "5", ['f: Invalid value: "string": f in body must be of type integer: "string"']],
  ["a fraction where an integer belongs", { type: "integer" }, 1.5, ['f: Invalid value: "number": f in body must be of type integer: "number"']],
  ["an integer where a number belongs", { type: "number" }, 3, []],
  ["null where not nullable", { type: "string" }, null, ['f: Invalid value: "null": f in body must be of type string: "null"']],
  ["null where nullable", { type: "string", nullable: true }, null, []],
  ["an object where an array belongs", { type: "array" }, {}, ['f: Invalid value: "object": f in body must be of type array: "object"']],
  ["int-or-string takes either", { "x-kubernetes-int-or-string": true }, "25%", []],
  ["int-or-string refuses a boolean", { "x-kubernetes-int-or-string": true }, true, ['f: Invalid value: "boolean": f in body must be of type string: "boolean"']],
  ["a value outside the enum", { type: "string", enum: ["A", "B"] }, "C", ['f: Unsupported value: "C": supported values: "A", "B"']],
  ["above maximum", { type: "number", maximum: 1 }, 2, ["f: Invalid value: 2: f in body should be less than or equal to 1"]],
  ["at an exclusive maximum", { type: "number", maximum: 1, exclusiveMaximum: true }, 1, ["f: Invalid value: 1: f in body should be less than 1"]],
  ["below minimum", { type: "integer", minimum: 1 }, 0, ["f: Invalid value: 0: f in body should be greater than or equal to 1"]],
  ["too short", { type: "string", minLength: 2 }, "a", ['f: Invalid value: "a": f in body should be at least 2 chars long']],
  ["too long", { type: "string", maxLength: 3 }, "abcd", ["f: Too long: may not be more than 3 bytes"]],
  ["not matching the pattern", { type: "string", pattern: "^[a-z]+$" }, "A1", ["f: Invalid value: \"A1\": f in body should match '^[a-z]+$'"]],
  ["a Go named group in a pattern", { type: "string", pattern: "^(?P<part>[a-z])+$" }, "ab", []],
  ["a date-time", { type: "string", format: "date-time" }, "2026-12-05T06:00:00Z", []],
  ["not a date-time", { type: "string", format: "date-time" }, "yesterday", ['f: Invalid value: "yesterday": f in body must be of type date-time: "yesterday"']],
  ["too many items", { type: "array", maxItems: 1, items: { type: "string" } }, ["a", "b"], ["f: Too many: 2: must have at most 1 items"]],
  ["too few items", { type: "array", minItems: 1 }, [], ["f: Invalid value: 0: f in body should have at least 1 items"]],
  ["an item of the wrong type", { type: "array", items: { type: "string" } }, ["a", 1], ['f[1]: Invalid value: "integer": f[1] in body must be of type string: "integer"']],
  ["a duplicate in a set", { type: "array", "x-kubernetes-list-type": "set", items: { type: "string" } }, ["a", "a"], ['f[1]: Duplicate value: "a"']],
  [
    "a duplicate key in a map list",
    { type: "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["type"], items: { type: "object", properties: { type: { type: "string" } } } },
    [{ type: "Ready" }, { type: "Ready" }],
    ['f[1]: Duplicate value: map[string]interface {}{"type":"Ready"}'],
  ],
  ["a missing required field", { type: "object", required: ["a"], properties: { a: { type: "string" } } }, {}, ["f.a: Required value"]],
  [
    "a nested error",
    { type: "object", properties: { a: { type: "object", properties: { b: { type: "integer", minimum: 0 } } } } },
    { a: { b: -1 } },
    ["f.a.b: Invalid value: -1: f.a.b in body should be greater than or equal to 0"],
  ],
  [
    "additionalProperties values",
    { type: "object", additionalProperties: { type: "integer" } },
    { east: 3, west: "x" },
    ['f.west: Invalid value: "string": f.west in body must be of type integer: "string"'],
  ],
];

describe("validateValue", () => {
  it.each(rows)("%s", (_name, schema, value, expected) => {
    expect(validateValue(value, schema, "f").map((e) => `${e.field}: ${e.detail}`)).toEqual(expected);
  });
});

describe("validateAgainstSchema", () => {
  const schema: StructuralSchema = {
    type: "object",
    required: ["spec"],
    properties: { metadata: { type: "object" }, spec: { type: "object", required: ["service"], properties: { service: { type: "string" } } } },
  };

  it("reports paths from the object's root and leaves metadata to the registry", () => {
    expect(validateAgainstSchema({ apiVersion: "x/v1", kind: "X", metadata: { name: 5 }, spec: {} }, schema)).toEqual([
      { field: "spec.service", reason: "FieldValueRequired", detail: "Required value" },
    ]);
    expect(validateAgainstSchema({ apiVersion: "x/v1", kind: "X", metadata: {} }, schema).map((e) => e.field)).toEqual(["spec"]);
  });
});

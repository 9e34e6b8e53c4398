import { describe, expect, it } from "vitest";
import { decodeFieldsV1, encodeFieldsV1, keyElement, renderPath } from "./fields-v1";
import { decodeManagedFields, encodeManagedFields } from "./managed-fields";

describe("FieldsV1 encoding", () => {
  it.each([
    { name: "leaves are {}", encoded: { "f:spec": { "f:hosts": {} } } },
    { name: "a member with children carries .", encoded: { "f:metadata": { "f:labels": { ".": {}, "f:app": {} } } } },
    { name: "keyed items and set values", encoded: { "f:metadata": { "f:finalizers": { 'v:"a"': {} } }, "f:spec": { "f:ports": { 'k:{"name":"http"}': { ".": {}, "f:name": {} } } } } },
  ])("round-trips: $name", ({ encoded }) => {
    const decoded = decodeFieldsV1(encoded);
    expect(decoded).toBeDefined();
    if (decoded) expect(encodeFieldsV1(decoded)).toEqual(encoded);
  });

  it("writes fields before keys before values before indices", () => {
    const decoded = decodeFieldsV1({ "i:1": {}, 'v:"b"': {}, 'k:{"a":1}': {}, "f:z": {}, "f:a": {} });
    expect(decoded && Object.keys(encodeFieldsV1(decoded))).toEqual(["f:a", "f:z", 'k:{"a":1}', 'v:"b"', "i:1"]);
  });

  it.each([[[]], ["x"], [{ "x:bad": {} }], [{ "f:a": 1 }]])("rejects %j", (encoded) => {
    expect(decodeFieldsV1(encoded)).toBeUndefined();
  });

  it("keys are sorted by field name", () => {
    expect(keyElement({ protocol: "TCP", containerPort: 80 })).toBe('k:{"containerPort":80,"protocol":"TCP"}');
  });

  it.each([
    { path: ["f:spec", "f:resolution"], expected: ".spec.resolution" },
    { path: ["f:spec", "f:ports", 'k:{"name":"http"}', "f:number"], expected: '.spec.ports[name="http"].number' },
    { path: ["f:spec", "f:ports", 'k:{"port":80,"protocol":"TCP"}'], expected: '.spec.ports[port=80,protocol="TCP"]' },
    { path: ["f:metadata", "f:finalizers", 'v:"a/b"'], expected: '.metadata.finalizers[="a/b"]' },
    { path: ["f:items", "i:3"], expected: ".items[3]" },
  ])("renders $expected", ({ path, expected }) => {
    expect(renderPath(path)).toBe(expected);
  });
});

describe("managedFields entries", () => {
  const e = (manager: string, operation: "Apply" | "Update", time: string) => ({
    manager, operation, apiVersion: "v1", time, fieldsType: "FieldsV1" as const, fieldsV1: { "f:data": {} },
  });
  it("sort Apply before Update, then by time, then by manager", () => {
    const decoded = decodeManagedFields([e("z", "Update", "2026-01-01T00:00:00Z"), e("b", "Update", "2025-01-01T00:00:00Z"), e("y", "Apply", "2027-01-01T00:00:00Z"), e("a", "Update", "2025-01-01T00:00:00Z")]);
    expect(decoded && encodeManagedFields(decoded).map((x) => x.manager)).toEqual(["y", "a", "b", "z"]);
  });

  it("drop entries with an empty field set", () => {
    const decoded = decodeManagedFields([{ ...e("a", "Update", "2025-01-01T00:00:00Z"), fieldsV1: {} }]);
    expect(decoded && encodeManagedFields(decoded)).toEqual([]);
  });

  it.each([[{ manager: "a", operation: "Patch", apiVersion: "v1" }], [{ operation: "Update", apiVersion: "v1" }], [{ manager: "a", operation: "Apply", apiVersion: "v1", fieldsType: "FieldsV2" }]])("reject malformed %j", (entry) => {
    expect(decodeManagedFields([entry])).toBeUndefined();
  });
});

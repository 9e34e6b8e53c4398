import { describe, expect, it } from "vitest";
import { slimObject } from "./slim";

const LAST = "kubectl.kubernetes.io/last-applied-configuration";

describe("slimObject", () => {
  it.each([
    ["not an object", "x", undefined],
    ["no name", { metadata: {} }, undefined],
    [
      "keeps only managers of managedFields, drops last-applied, keeps other annotations, fills kind/apiVersion",
      { metadata: { name: "a", namespace: "n", managedFields: [{ manager: "kubectl", operation: "Update", fieldsType: "FieldsV1", fieldsV1: { "f:spec": {} }, time: "2026-01-01T00:00:00Z" }], annotations: { [LAST]: "{}", keep: "1" } }, spec: { x: 1 } },
      { apiVersion: "v1", kind: "Service", metadata: { name: "a", namespace: "n", annotations: { keep: "1" }, managedFields: [{ manager: "kubectl", operation: "Update" }] }, spec: { x: 1 } },
    ],
    [
      "an empty or malformed managedFields disappears",
      { metadata: { name: "a", managedFields: [{ fieldsV1: {} }, "x"] } },
      { apiVersion: "v1", kind: "Service", metadata: { name: "a" } },
    ],
    [
      "an annotation map left empty disappears",
      { metadata: { name: "a", annotations: { [LAST]: "{}" } } },
      { apiVersion: "v1", kind: "Service", metadata: { name: "a" } },
    ],
    [
      "keeps the object's own kind and apiVersion",
      { apiVersion: "v2", kind: "Other", metadata: { name: "a", labels: { app: "x" } } },
      { apiVersion: "v2", kind: "Other", metadata: { name: "a", labels: { app: "x" } } },
    ],
  ])("%s", (_name, raw, expected) => {
    expect(slimObject(raw, "Service", "v1")).toEqual(expected);
  });

  it("shares one frozen list between objects written by the same managers", () => {
    const entry = () => ({ metadata: { name: "a", managedFields: [{ manager: "eastwest-registry", operation: "Apply", fieldsV1: { "f:spec": {} } }] } });
    const [a, b] = [slimObject(entry(), "ServiceEntry", "v1"), slimObject(entry(), "ServiceEntry", "v1")];
    expect(a?.metadata.managedFields).toBe(b?.metadata.managedFields);
    expect(Object.isFrozen(a?.metadata.managedFields)).toBe(true);
  });

  it("does not modify its input", () => {
    const raw = { metadata: { name: "a", managedFields: [], annotations: { [LAST]: "{}" } } };
    const before = structuredClone(raw);
    slimObject(raw, "Service", "v1");
    expect(raw).toEqual(before);
  });
});

import { describe, expect, it } from "vitest";
import { slimObject } from "./slim";

const LAST = "kubectl.kubernetes.io/last-applied-configuration";

describe("slimObject", () => {
  it.each([
    ["not an object", "x", undefined],
    ["no name", { metadata: {} }, undefined],
    [
      "drops managedFields and last-applied, keeps other annotations, fills kind/apiVersion",
      { metadata: { name: "a", namespace: "n", managedFields: [{ manager: "kubectl" }], annotations: { [LAST]: "{}", keep: "1" } }, spec: { x: 1 } },
      { apiVersion: "v1", kind: "Service", metadata: { name: "a", namespace: "n", annotations: { keep: "1" } }, spec: { x: 1 } },
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

  it("does not modify its input", () => {
    const raw = { metadata: { name: "a", managedFields: [], annotations: { [LAST]: "{}" } } };
    const before = structuredClone(raw);
    slimObject(raw, "Service", "v1");
    expect(raw).toEqual(before);
  });
});

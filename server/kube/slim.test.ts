import { describe, expect, it } from "vitest";
import { recordTable } from "@/lib/fleet/shared-records";
import { CONTENT_HASH_ANNOTATION } from "@/lib/plan/desired";
import { SHARED_STRINGS_CAP, slimObject } from "./slim";

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

  it("slims the parsed object it is given in place, metadata included, so both keep their compact layout", () => {
    const raw = { apiVersion: "v1", kind: "Service", metadata: { name: "a", managedFields: [{ manager: "m", operation: "Apply", fieldsV1: {} }], annotations: { [LAST]: "{}", keep: "1" } } };
    const metadata = raw.metadata;
    const slim = slimObject(raw, "Service", "v1");
    expect(slim).toBe(raw);
    expect(slim?.metadata).toBe(metadata);
    expect(slim?.metadata).toEqual({ name: "a", managedFields: [{ manager: "m", operation: "Apply" }], annotations: { keep: "1" } });
  });

  it("copies the metadata only when a key must go (so no delete turns it into a dictionary)", () => {
    const raw = { metadata: { name: "a", managedFields: [], annotations: { [LAST]: "{}" } } };
    const metadata = raw.metadata;
    const slim = slimObject(raw, "Service", "v1");
    expect(slim?.metadata).not.toBe(metadata);
    expect(slim?.metadata).toEqual({ name: "a" });
    expect(Object.keys(slim?.metadata ?? {})).toEqual(["name"]);
  });

  it("with an informer's table: the same object, its label values, spec and creation second shared, its own name, uid and version not", () => {
    const raw = () => ({
      apiVersion: "networking.istio.io/v1",
      kind: "WorkloadEntry",
      metadata: { name: "we-1", namespace: "bookinfo", uid: "u-1", resourceVersion: "7", creationTimestamp: "2026-12-05T00:00:00Z", labels: { app: "details" } },
      spec: { address: "10.0.0.1", network: "west", ports: { http: 15443 } },
    });
    const strings = new Map<string, string>();
    expect(slimObject(raw(), "WorkloadEntry", "networking.istio.io/v1", strings)).toEqual(slimObject(raw(), "WorkloadEntry", "networking.istio.io/v1"));
    expect([...strings.keys()].sort()).toEqual(["10.0.0.1", "2026-12-05T00:00:00Z", "bookinfo", "details", "networking.istio.io/v1", "west"]);
  });

  it("starts its table over past the cap, so one-off strings are not kept for the cache's life", () => {
    const strings = new Map<string, string>();
    for (let i = 0; i <= SHARED_STRINGS_CAP + 1; i++) slimObject({ metadata: { name: `n${i}` }, spec: { address: `10.0.${i}` } }, "WorkloadEntry", "v1", strings);
    expect(strings.size).toBeLessThanOrEqual(SHARED_STRINGS_CAP + 1);
    expect(strings.size).toBeLessThan(10);
  });

  // Two clusters' informers: each its own string table, one record table for the fleet.
  const placed = (cluster: string) => ({
    apiVersion: "networking.istio.io/v1",
    kind: "WorkloadEntry",
    metadata: { name: "details-k-1", namespace: "bookinfo", uid: `u-${cluster}`, resourceVersion: "7", labels: { app: "details" }, annotations: { [CONTENT_HASH_ANNOTATION]: "abc", note: "x" } },
    spec: { address: "10.0.0.1", network: "west", ports: { http: 15443 } },
  });
  const pod = (cluster: string) => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "bookinfo", uid: `u-${cluster}`, labels: { app: "details" }, annotations: { note: "x" } }, spec: { nodeName: "n1" } });

  it.each([
    { name: "a placed kind (WorkloadEntry): labels, annotations and spec", kind: "WorkloadEntry", make: placed, shared: ["labels", "annotations", "spec"] },
    { name: "any other kind (Pod): labels only", kind: "Pod", make: pod, shared: ["labels"] },
  ])("with the fleet's record table, $name are one frozen copy across clusters", ({ kind, make, shared }) => {
    const records = recordTable(100);
    const [west, east] = (["west", "east"] as const).map((c) => slimObject(make(c), kind, "v1", new Map(), records));
    const parts = (o: typeof west) => ({ labels: o?.metadata.labels, annotations: o?.metadata.annotations, spec: o?.spec });
    for (const [part, value] of Object.entries(parts(west))) {
      const isShared = shared.includes(part);
      expect(value === parts(east)[part as keyof ReturnType<typeof parts>], part).toBe(isShared);
      expect(Object.isFrozen(value), part).toBe(isShared);
    }
    expect(east).toEqual(slimObject(make("east"), kind, "v1"));
    expect(west?.metadata.uid).toBe("u-west");
  });

  it("keeps an object without labels, annotations or spec without them (no key added)", () => {
    const o = slimObject({ metadata: { name: "a" } }, "WorkloadEntry", "v1", new Map(), recordTable(10));
    expect(Object.keys(o ?? {})).toEqual(["metadata", "apiVersion", "kind"]);
    expect(Object.keys(o?.metadata ?? {})).toEqual(["name"]);
  });
});

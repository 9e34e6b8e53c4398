import { describe, expect, it } from "vitest";
import type { KubeObject, ManagedFieldsEntry } from "../types";
import { trackUpdate } from "./track-update";
import { configMapType, serviceEntryType, storedServiceEntry, T0, T1, T2 } from "./test-fixtures";

function entry(manager: string, fieldsV1: Record<string, unknown>, time = T0, extra: Partial<ManagedFieldsEntry> = {}): ManagedFieldsEntry {
  return { manager, operation: "Update", apiVersion: "networking.istio.io/v1", time, fieldsType: "FieldsV1", fieldsV1, ...extra };
}

function withManaged(object: KubeObject, managedFields: ManagedFieldsEntry[]): KubeObject {
  return { ...object, metadata: { ...object.metadata, managedFields } };
}

const base = storedServiceEntry({ hosts: ["a.example"], ports: [{ name: "http", number: 80 }] }, { labels: { app: "a" } });
const createdFields = {
  "f:metadata": { "f:labels": { ".": {}, "f:app": {} } },
  "f:spec": { ".": {}, "f:hosts": {}, "f:ports": { ".": {}, 'k:{"name":"http"}': { ".": {}, "f:name": {}, "f:number": {} } } },
};
const live = withManaged(base, [entry("creator", createdFields)]);

describe("trackUpdate", () => {
  it("a create records every field the writer set, not the server-owned metadata", () => {
    const entries = trackUpdate({ type: serviceEntryType, before: undefined, after: base, manager: "creator", now: T0 });
    expect(entries).toEqual([entry("creator", createdFields)]);
  });

  it("an identical rewrite returns the entries unchanged (same time)", () => {
    const after = withManaged({ ...base, metadata: { ...base.metadata, resourceVersion: "11" } }, live.metadata.managedFields ?? []);
    const entries = trackUpdate({ type: serviceEntryType, before: live, after, manager: "creator", now: T2 });
    expect(entries).toEqual(live.metadata.managedFields);
  });

  const cases: Array<{ name: string; after: KubeObject; manager: string; expected: ManagedFieldsEntry[] }> = [
    {
      name: "a changed field moves to the writer, the rest stays with its owner",
      after: { ...base, spec: { hosts: ["b.example"], ports: [{ name: "http", number: 80 }] } },
      manager: "editor",
      expected: [
        entry("creator", { "f:metadata": createdFields["f:metadata"], "f:spec": { ".": {}, "f:ports": createdFields["f:spec"]["f:ports"] } }),
        entry("editor", { "f:spec": { "f:hosts": {} } }, T1),
      ],
    },
    {
      name: "a removed field leaves every manager",
      after: { ...base, metadata: { ...base.metadata, labels: undefined }, spec: base.spec },
      manager: "editor",
      expected: [entry("creator", { "f:spec": createdFields["f:spec"] })],
    },
    {
      name: "an added list item and label go to the writer",
      after: { ...base, metadata: { ...base.metadata, labels: { app: "a", tier: "x" } }, spec: { hosts: ["a.example"], ports: [{ name: "http", number: 80 }, { name: "tls", number: 443 }] } },
      manager: "editor",
      expected: [
        entry("creator", createdFields),
        entry("editor", {
          "f:metadata": { "f:labels": { "f:tier": {} } },
          "f:spec": { "f:ports": { 'k:{"name":"tls"}': { ".": {}, "f:name": {}, "f:number": {} } } },
        }, T1),
      ],
    },
    {
      name: "the same manager's later write merges into its entry with a new time",
      after: { ...base, spec: { hosts: ["b.example"], ports: [{ name: "http", number: 80 }] } },
      manager: "creator",
      expected: [entry("creator", createdFields, T1)],
    },
    {
      name: "the previous owner keeps only what the write did not touch",
      after: { ...base, metadata: { ...base.metadata, labels: { app: "z" } }, spec: { hosts: ["z"], ports: [{ name: "http", number: 81 }] } },
      manager: "editor",
      expected: [
        // A member with no members below it is written as a plain leaf.
        entry("creator", {
          "f:metadata": { "f:labels": {} },
          "f:spec": { ".": {}, "f:ports": { ".": {}, 'k:{"name":"http"}': { ".": {}, "f:name": {} } } },
        }),
        entry("editor", {
          "f:metadata": { "f:labels": { "f:app": {} } },
          "f:spec": { "f:hosts": {}, "f:ports": { 'k:{"name":"http"}': { "f:number": {} } } },
        }, T1),
      ],
    },
  ];
  it.each(cases)("$name", ({ after, manager, expected }) => {
    const entries = trackUpdate({ type: serviceEntryType, before: live, after: withManaged(after, live.metadata.managedFields ?? []), manager, now: T1 });
    expect(entries).toEqual(expected);
  });

  it("drops a manager whose every field was taken", () => {
    const before = withManaged(base, [entry("creator", createdFields), entry("tagger", { "f:metadata": { "f:labels": { "f:app": {} } } })]);
    const after = { ...before, metadata: { ...before.metadata, labels: { app: "b" } } };
    const entries = trackUpdate({ type: serviceEntryType, before, after, manager: "editor", now: T1 });
    expect(entries.map((e) => e.manager)).toEqual(["creator", "editor"]);
  });

  it("an Update takes changed fields from an Apply entry too (Apply entries sort first)", () => {
    const applied = { manager: "applier", operation: "Apply" as const, apiVersion: "networking.istio.io/v1", time: T0, fieldsType: "FieldsV1" as const, fieldsV1: { "f:spec": { "f:hosts": {} } } };
    const before = withManaged(base, [entry("creator", { "f:metadata": createdFields["f:metadata"] }), applied]);
    const after = { ...before, spec: { hosts: ["c"], ports: [{ name: "http", number: 80 }] } };
    const entries = trackUpdate({ type: serviceEntryType, before, after, manager: "editor", now: T1 });
    expect(entries.map((e) => [e.manager, e.operation])).toEqual([["creator", "Update"], ["editor", "Update"]]);
  });

  it("status writes are tracked under subresource status and own only .status", () => {
    const after = { ...live, status: { conditions: [{ type: "Ready", status: "True" }] } };
    const entries = trackUpdate({ type: serviceEntryType, before: live, after, manager: "ctrl", subresource: "status", now: T1 });
    expect(entries).toEqual([entry("creator", createdFields), entry("ctrl", { "f:status": { ".": {}, "f:conditions": {} } }, T1, { subresource: "status" })]);
  });

  it("a main-resource write never owns .status of a kind with a status subresource", () => {
    const after = { ...live, status: { phase: "x" } };
    expect(trackUpdate({ type: serviceEntryType, before: live, after, manager: "editor", now: T1 })).toEqual(live.metadata.managedFields);
  });

  it("owns .status of a kind without a status subresource", () => {
    const before: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "ns" }, data: { a: "1" } };
    const entries = trackUpdate({ type: configMapType, before: undefined, after: { ...before, status: { x: 1 } }, manager: "m", now: T0 });
    expect(entries[0]?.fieldsV1).toEqual({ "f:data": { ".": {}, "f:a": {} }, "f:status": { ".": {}, "f:x": {} } });
  });

  it("finalizers are a set: each value is its own v: member", () => {
    const after = { ...live, metadata: { ...live.metadata, finalizers: ["a/b", "c"] } };
    const entries = trackUpdate({ type: serviceEntryType, before: live, after, manager: "ctrl", now: T1 });
    expect(entries.find((e) => e.manager === "ctrl")?.fieldsV1).toEqual({ "f:metadata": { "f:finalizers": { ".": {}, 'v:"a/b"': {}, 'v:"c"': {} } } });
  });

  it("managedFields sent with the write replace the live ones; a single empty entry resets them", () => {
    const sent = [entry("someone", { "f:spec": { "f:hosts": {} } })];
    expect(trackUpdate({ type: serviceEntryType, before: live, after: withManaged(base, sent), manager: "x", now: T1 })).toEqual(sent);
    const reset = withManaged(base, [{} as ManagedFieldsEntry]);
    expect(trackUpdate({ type: serviceEntryType, before: live, after: reset, manager: "x", now: T1 })).toEqual([]);
  });

  it("undecodable live managedFields are treated as none", () => {
    const broken = withManaged(base, [{ manager: 1 } as unknown as ManagedFieldsEntry]);
    const after = { ...broken, spec: { hosts: ["q"], ports: [{ name: "http", number: 80 }] } };
    const entries = trackUpdate({ type: serviceEntryType, before: broken, after: { ...after, metadata: { ...after.metadata, managedFields: undefined } }, manager: "m", now: T1 });
    expect(entries).toEqual([entry("m", { "f:spec": { "f:hosts": {} } }, T1)]);
  });
});

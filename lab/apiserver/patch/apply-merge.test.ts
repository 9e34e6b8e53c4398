import { describe, expect, it } from "vitest";
import { mergeConfig, removePaths } from "./apply-merge";
import { schemaFor } from "./schema";
import { serviceEntryType } from "./test-fixtures";

const schema = schemaFor(serviceEntryType);
const port = (name: string, number = 1) => ({ name, number });
const ports = (items: unknown[]) => ({ spec: { ports: items } });
const namesOf = (value: unknown) => ((value as { spec: { ports: Array<{ name: string }> } }).spec.ports).map((p) => p.name);

describe("apply merge order of keyed lists", () => {
  it.each([
    { live: ["a", "b", "c"], config: ["c", "a"], expected: ["b", "c", "a"] },
    { live: ["a", "b"], config: ["x", "a"], expected: ["x", "a", "b"] },
    { live: ["a", "b"], config: ["b", "c"], expected: ["a", "b", "c"] },
    { live: [], config: ["a", "b"], expected: ["a", "b"] },
  ])("live $live + config $config → $expected", ({ live, config, expected }) => {
    expect(namesOf(mergeConfig(ports(live.map((n) => port(n))), ports(config.map((n) => port(n))), "", schema))).toEqual(expected);
  });

  it("merges a shared item's fields and replaces atomic lists", () => {
    const merged = mergeConfig({ spec: { hosts: ["a", "b"], ports: [{ name: "a", number: 1, protocol: "HTTP" }] } }, { spec: { hosts: ["c"], ports: [port("a", 2)] } }, "", schema);
    expect(merged).toEqual({ spec: { hosts: ["c"], ports: [{ name: "a", number: 2, protocol: "HTTP" }] } });
  });

  it("finalizers merge as a set", () => {
    expect(mergeConfig({ metadata: { finalizers: ["x", "y"] } }, { metadata: { finalizers: ["z", "x"] } }, "", schema)).toEqual({ metadata: { finalizers: ["z", "x", "y"] } });
  });
});

describe("removePaths", () => {
  it.each([
    { path: ["f:spec", "f:hosts"], expected: { spec: { ports: [port("a"), port("b")] }, metadata: { finalizers: ["x"] } } },
    { path: ["f:spec", "f:ports", 'k:{"name":"a"}'], expected: { spec: { hosts: ["h"], ports: [port("b")] }, metadata: { finalizers: ["x"] } } },
    { path: ["f:spec", "f:ports", 'k:{"name":"b"}', "f:number"], expected: { spec: { hosts: ["h"], ports: [port("a"), { name: "b" }] }, metadata: { finalizers: ["x"] } } },
    { path: ["f:metadata", "f:finalizers", 'v:"x"'], expected: { spec: { hosts: ["h"], ports: [port("a"), port("b")] }, metadata: { finalizers: [] } } },
    { path: ["f:spec", "f:missing", "f:deeper"], expected: { spec: { hosts: ["h"], ports: [port("a"), port("b")] }, metadata: { finalizers: ["x"] } } },
  ])("removes $path", ({ path, expected }) => {
    const object = { spec: { hosts: ["h"], ports: [port("a"), port("b")] }, metadata: { finalizers: ["x"] } };
    removePaths(object, [path], schema);
    expect(object).toEqual(expected);
  });
});

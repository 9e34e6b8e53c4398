import { describe, expect, it } from "vitest";
import { internStrings, type InternTable } from "./intern-strings";

const desired = (name: string) => ({
  apiVersion: "networking.istio.io/v1",
  kind: "ServiceEntry",
  metadata: { name, namespace: "xcp-multicluster", labels: { "app.kubernetes.io/managed-by": "eastwest-console" }, annotations: {} },
  spec: { hosts: [`${name}.bookinfo.svc.cluster.local`], ports: [{ number: 9080, name: "http", protocol: "HTTP" }], location: "MESH_INTERNAL" },
});

describe("internStrings", () => {
  it.each([
    { name: "a plain object tree", value: desired("details"), strings: ["networking.istio.io/v1", "xcp-multicluster", "eastwest-console", "details.bookinfo.svc.cluster.local", "http", "MESH_INTERNAL"] },
    { name: "an array of objects", value: [desired("a"), desired("b")], strings: ["a", "b", "a.bookinfo.svc.cluster.local", "b.bookinfo.svc.cluster.local"] },
    { name: "strings as array elements", value: { list: ["x", ["y", "z"]] }, strings: ["x", "y", "z"] },
  ])("$name: every string value reaches the table, and the value is unchanged", ({ value, strings }) => {
    const table: InternTable = new Map();
    const before = JSON.stringify(value);
    expect(internStrings(value, table)).toBe(value);
    expect(JSON.stringify(value)).toBe(before);
    for (const s of strings) expect(table.get(s)).toBe(s);
  });

  it("walks an object shared by two parents once, and survives a cycle", () => {
    const shared: Record<string, unknown> = { protocol: "TCP" };
    const root: Record<string, unknown> = { a: shared, b: shared };
    shared.self = root;
    const table: InternTable = new Map();
    internStrings(root, table);
    expect([...table.keys()]).toEqual(["TCP"]);
  });

  it("leaves frozen objects, Maps and class instances alone (readers may share them)", () => {
    const frozen = Object.freeze({ kind: "frozen" });
    const map = new Map([["k", "in a map"]]);
    class Box {
      label = "boxed";
    }
    const table: InternTable = new Map();
    expect(() => internStrings({ frozen, map, box: new Box(), plain: "plain" }, table)).not.toThrow();
    expect([...table.keys()]).toEqual(["plain"]);
  });

  it("leaves the values of the caller's own keys out of the table, and in place", () => {
    const value = { metadata: { name: "k-details-0", annotations: { hash: "0123abcd", kept: "bookinfo" } }, spec: { name: "http" } };
    const table: InternTable = new Map();
    internStrings(value, table, new Set(["name", "hash"]));
    expect([...table.keys()]).toEqual(["bookinfo"]);
    expect(value).toEqual({ metadata: { name: "k-details-0", annotations: { hash: "0123abcd", kept: "bookinfo" } }, spec: { name: "http" } });
  });
});

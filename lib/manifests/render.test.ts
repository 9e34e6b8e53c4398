import { describe, expect, it } from "vitest";
import { renderYaml, renderYamlStream, sortKeys } from "./render";

describe("renderYaml", () => {
  it("orders apiVersion, kind, metadata, spec, status and sorts nested maps", () => {
    const yaml = renderYaml({
      status: { b: 1 },
      spec: { z: [{ y: 1, x: 2 }], a: "v" },
      metadata: { labels: { b: "2", a: "1" }, uid: "u", name: "n", namespace: "ns" },
      kind: "K",
      apiVersion: "g/v1",
      extra: true,
    });
    expect(yaml).toBe(
      ["apiVersion: g/v1", "kind: K", "metadata:", "  name: n", "  namespace: ns", "  labels:", '    a: "1"', '    b: "2"', "  uid: u", "spec:", "  a: v", "  z:", "    - x: 2", "      y: 1", "status:", "  b: 1", "extra: true", ""].join("\n"),
    );
  });

  it.each([
    [{ kind: "K", apiVersion: "v1", metadata: { name: "a" } }, { metadata: { name: "a" }, apiVersion: "v1", kind: "K" }],
    [{ spec: { a: 1, b: { c: 1, d: 2 } } }, { spec: { b: { d: 2, c: 1 }, a: 1 } }],
  ])("renders equal objects identically whatever their key order (%#)", (a, b) => {
    expect(renderYaml(a)).toBe(renderYaml(b));
  });

  it("does not fold long lines and drops undefined fields", () => {
    const long = "x".repeat(200);
    expect(renderYaml({ spec: { long, gone: undefined } })).toBe(`spec:\n  long: ${long}\n`);
  });

  it("joins several documents", () => {
    expect(renderYamlStream([{ kind: "A" }, { kind: "B" }])).toBe("kind: A\n---\nkind: B\n");
  });

  it("keeps array order when sorting keys", () => {
    expect(sortKeys({ b: [3, 1, 2], a: null })).toEqual({ a: null, b: [3, 1, 2] });
  });
});

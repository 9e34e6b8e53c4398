// What the gate reads of a raw input: a workspace first, else a cluster's namespace, else the whole fleet.
import { describe, expect, it } from "vitest";
import { scopeOfInput } from "./scope-of-input";

describe("scopeOfInput", () => {
  it.each([
    { name: "a workspace", raw: { workspace: "bookinfo-ws" }, scope: { kind: "workspace", workspace: "bookinfo-ws" } },
    { name: "a workspace and the clusters written to", raw: { workspace: "bookinfo-ws", clusters: ["west", "east"] }, scope: { kind: "workspace", workspace: "bookinfo-ws", targets: { field: "clusters", names: ["west", "east"] } } },
    { name: "a workspace and the one cluster written to", raw: { workspace: "ws", cluster: "west", namespace: "bookinfo" }, scope: { kind: "workspace", workspace: "ws", targets: { field: "cluster", names: ["west"] } } },
    { name: "clusters the procedure would refuse are not judged", raw: { workspace: "ws", clusters: [7] }, scope: { kind: "workspace", workspace: "ws" } },
    { name: "a drill's cluster and namespace", raw: { cluster: "east", namespace: "bookinfo", service: "details" }, scope: { kind: "namespace", cluster: "east", namespace: "bookinfo" } },
    { name: "a bad workspace does not hide a good namespace", raw: { workspace: 7, cluster: "east", namespace: "bookinfo" }, scope: { kind: "namespace", cluster: "east", namespace: "bookinfo" } },
    { name: "a cluster alone", raw: { cluster: "east" }, scope: { kind: "fleet" } },
    { name: "an empty workspace", raw: { workspace: "" }, scope: { kind: "fleet" } },
    { name: "an overlong workspace", raw: { workspace: "w".repeat(300) }, scope: { kind: "fleet" } },
    { name: "no input", raw: undefined, scope: { kind: "fleet" } },
    { name: "a string", raw: "bookinfo-ws", scope: { kind: "fleet" } },
  ])("$name", ({ raw, scope }) => {
    expect(scopeOfInput(raw)).toEqual(scope);
  });
});

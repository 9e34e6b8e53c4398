import { describe, expect, it } from "vitest";
import { covers, parseNamespacePattern, workspaceScope } from "./workspace-scope";
import { cluster, workspace } from "./test-fixtures";

const clusters = [
  cluster("c1", { namespaces: ["bookinfo", "ns-a", "ns-b", "other"] }),
  cluster("c2", { namespaces: ["bookinfo", "ns-a"] }),
  cluster("north", { namespaces: ["default"] }),
];
const scopeOf = (names: string[]) => workspaceScope(workspace(undefined, { namespaceSelector: names }), clusters);
const pairs = (names: string[]) => [...scopeOf(names).scope.entries()].flatMap(([c, ns]) => ns.map((n) => `${c}/${n}`));

describe("workspace scope", () => {
  it.each([
    [["*/bookinfo"], ["c1/bookinfo", "c2/bookinfo"]],
    [["c1/*"], ["c1/bookinfo", "c1/ns-a", "c1/ns-b", "c1/other"]],
    [["c1/ns*"], ["c1/ns-a", "c1/ns-b"]],
    [["*/ns-*"], ["c1/ns-a", "c1/ns-b", "c2/ns-a"]],
    [["c2/bookinfo", "c1/other"], ["c1/other", "c2/bookinfo"]],
    [["*/*"], ["c1/bookinfo", "c1/ns-a", "c1/ns-b", "c1/other", "c2/bookinfo", "c2/ns-a", "north/default"]],
    [["*/bookinfo", "*/bookinfo"], ["c1/bookinfo", "c2/bookinfo"]],
  ])("%j covers %j (existing namespaces only)", (names, expected) => {
    expect(pairs(names)).toEqual(expected);
    expect(scopeOf(names).conditions).toEqual([]);
  });

  it.each([["bookinfo"], ["c1/ns*x"], ["*/*/x"], ["c1*/bookinfo"], ["/bookinfo"], ["c1/"], [""]])("rejects %j with a condition", (entry) => {
    expect(parseNamespacePattern(entry)).toBeUndefined();
    const { scope, conditions } = scopeOf([entry, "c2/ns-a"]);
    expect(conditions.map((c) => c.reason)).toEqual(["InvalidNamespacePattern"]);
    expect(conditions[0]?.message).toContain(entry === "" ? "namespaceSelector entry" : entry);
    expect(covers(scope, "c2", "ns-a")).toBe(true);
  });

  it.each([["missing/bookinfo"], ["*/absent"], ["c2/ns-b"]])("warns that %j matches nothing", (entry) => {
    expect(scopeOf([entry]).conditions.map((c) => [c.reason, c.severity])).toEqual([["NamespacePatternMatchesNothing", "warning"]]);
  });
});

import { describe, expect, it } from "vitest";
import { groupConditions, summarizeGroup, type GroupableCondition } from "./condition-groups";

const c = (reason: string, i: number, severity: GroupableCondition["severity"] = "warning"): GroupableCondition => ({ severity, reason, message: `${reason} number ${i}.` });
const many = (reason: string, n: number, severity?: GroupableCondition["severity"]) => Array.from({ length: n }, (_, i) => c(reason, i, severity));

describe("summarizeGroup", () => {
  it.each<[string, GroupableCondition[], { count: number; examples: number; message: string }]>([
    ["one: its own message", many("A", 1), { count: 1, examples: 1, message: "A number 0." }],
    ["three: all named in one sentence", many("A", 3), { count: 3, examples: 3, message: "3 conditions of one kind (A): A number 0; A number 1; A number 2." }],
    ["five: three named, five examples kept", many("A", 5), { count: 5, examples: 5, message: "5 conditions of one kind (A), for example: A number 0; A number 1; A number 2; and 2 more." }],
    ["10,000: a count, never a list", many("A", 10_000), { count: 10_000, examples: 5, message: "10,000 conditions of one kind (A), for example: A number 0; A number 1; A number 2; and 9,997 more." }],
  ])("%s", (_name, items, expected) => {
    const group = summarizeGroup("A", items);
    expect({ count: group.count, examples: group.examples.length, message: group.message }).toEqual(expected);
    expect(group.examples[0]).toBe("A number 0");
  });

  it("keeps the worst severity of the group", () => {
    expect(summarizeGroup("A", [c("A", 0, "info"), c("A", 1, "error"), c("A", 2, "warning")]).severity).toBe("error");
  });
});

describe("groupConditions", () => {
  it.each<[string, GroupableCondition[], Array<[string, number]>]>([
    ["nothing", [], []],
    ["one group per reason, errors first, then the largest", [...many("Few", 2), ...many("Bad", 1, "error"), ...many("Many", 9_000)], [["Bad", 1], ["Many", 9_000], ["Few", 2]]],
    ["interleaved reasons still group", [c("X", 0), c("Y", 0), c("X", 1), c("Y", 1), c("X", 2)], [["X", 3], ["Y", 2]]],
  ])("%s", (_name, all, expected) => {
    expect(groupConditions(all).map((g) => [g.reason, g.count])).toEqual(expected);
  });
});

import { describe, expect, it } from "vitest";
import { conditionsDigest, type ConditionLike } from "./conditions-digest";

const mine: ConditionLike = { severity: "warning", reason: "NoMatchingGateway", workspace: "a-ws", cluster: "east", message: "no east-west gateway in east" };
const theirs: ConditionLike = { severity: "warning", reason: "NoMatchingGateway", workspace: "b-ws", cluster: "east", message: "no east-west gateway in east" };
const foreign: ConditionLike = { severity: "warning", reason: "ForeignObject", cluster: "east", subject: "WorkloadEntry bookinfo/x", message: "not ours" };

describe("conditionsDigest", () => {
  const base = conditionsDigest([mine, theirs], "a-ws");
  it.each<[string, ConditionLike[], boolean]>([
    ["another workspace's condition appears", [mine, theirs, { ...theirs, reason: "SeveralGateways" }], true],
    ["another workspace's condition goes", [mine], true],
    ["its own condition changes", [{ ...mine, message: "changed" }, theirs], false],
    ["its own condition goes", [theirs], false],
    ["a condition about no workspace appears", [mine, theirs, foreign], false],
  ])("when %s, the digest stays: %s", (_, conditions, same) => {
    expect(conditionsDigest(conditions, "a-ws") === base).toBe(same);
  });
});

import { describe, expect, it } from "vitest";
import { normalizeConditions, type Condition } from "./conditions";

const c = (over: Partial<Condition>): Condition => ({ severity: "warning", reason: "NoMatchingGateway", message: "m", ...over });

describe("normalizeConditions", () => {
  it("sorts by workspace, cluster, reason, subject and drops exact duplicates", () => {
    const input = [c({ workspace: "b" }), c({ workspace: "a", cluster: "z" }), c({ workspace: "a", cluster: "y" }), c({ workspace: "b" }), c({})];
    expect(normalizeConditions(input).map((x) => `${x.workspace ?? "-"}/${x.cluster ?? "-"}`)).toEqual(["-/-", "a/y", "a/z", "b/-"]);
  });
});

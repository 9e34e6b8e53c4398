import { describe, expect, it } from "vitest";
import { seedInput, withCluster } from "@/lib/plan/test-fixtures";
import type { PlanInput } from "@/lib/plan/input";
import { checkSelector } from "./check-selector";
import { contextOf } from "./test-helpers";

function selector(names: string[], input: PlanInput = seedInput()): PlanInput {
  return { ...input, workspaces: input.workspaces.map((w) => ({ ...w, namespaceSelector: names })) };
}

describe("checkSelector", () => {
  it.each([
    ["*/bookinfo", seedInput(), "pass", "workspace bookinfo-ws covers its namespaces in east, north and west."],
    ["per-cluster entries leaving one out", selector(["west/bookinfo", "east/bookinfo"]), "fail", "the namespaceSelector (west/bookinfo, east/bookinfo) leaves out bookinfo in north, so those instances neither fail over nor serve as failover targets."],
    [
      "one cluster only",
      selector(["west/bookinfo"], withCluster(withCluster(seedInput(), "east", (c) => { c.namespaces = []; }), "north", (c) => { c.namespaces = []; })),
      "fail",
      "workspace bookinfo-ws spans only west; failover needs at least two clusters.",
    ],
  ])("%s", (_, input, status, reason) => {
    expect(checkSelector(contextOf(input, { managementCluster: "west" }))).toMatchObject({ id: "namespace-selector", status, reason });
  });

  it("says where to widen the selector", () => {
    expect(checkSelector(contextOf(selector(["west/bookinfo", "east/bookinfo"]), { managementCluster: "west" })).fix).toBe(
      "Add */bookinfo to spec.namespaceSelector.names of Workspace bookinfo-ws on west.",
    );
  });
});

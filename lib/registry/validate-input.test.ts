import { describe, expect, it } from "vitest";
import { parsePlanInput, type PlanInput } from "@/lib/plan/input";
import { bookinfoCluster, seedInput, workspace } from "@/lib/plan/test-fixtures";
import { validatePlanInput } from "./validate-input";

// Inputs the adapter could only produce through a bug: the verdict and problem lines must match the zod parse
// the planner used to run on every snapshot.
const broken = (change: (i: PlanInput) => PlanInput) => change(seedInput());

describe("validatePlanInput", () => {
  it.each([
    ["the seed", seedInput()],
    ["a port out of range", broken((i) => ({ ...i, clusters: [bookinfoCluster("west", ["details"], true, { services: [{ namespace: "bookinfo", name: "details", ports: [{ name: "http", port: 70000, protocol: "TCP" }], selector: {}, labels: {} }] }), ...i.clusters.slice(1)] }))],
    ["an empty cluster name", broken((i) => ({ ...i, clusters: [...i.clusters.slice(0, 2), bookinfoCluster("", [], false)] }))],
    ["a workspace without a name", broken((i) => ({ ...i, workspaces: [workspace(undefined, { name: "" })] }))],
  ])("%s: same verdict and problems as parsePlanInput", (_, input) => {
    const parsed = parsePlanInput(input);
    const validated = validatePlanInput(input);
    expect(validated.ok).toBe(parsed.ok);
    if (!parsed.ok && !validated.ok) expect(validated.problems).toEqual(parsed.problems);
  });
});

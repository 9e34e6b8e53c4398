import { describe, expect, it } from "vitest";
import type { ClusterInput, PlanInput } from "@/lib/plan/input";
import { inputDelta } from "@/lib/plan/input-delta";
import { createPlanner } from "@/lib/plan/planner";
import { bookinfoCluster, BOOKINFO, DETAILS, eastWestGateway, REVIEWS, seedInput, workspace } from "@/lib/plan/test-fixtures";
import { createPlannerCore, nodeMd5 } from "./planner-core";

const replace = (name: string, fn: (c: ClusterInput) => ClusterInput) => (cs: ClusterInput[]) => cs.map((c) => (c.name === name ? fn(c) : c));

describe("the worker's planner hash (node:crypto md5)", () => {
  it("plans byte for byte what lib's md5 plans, on the fixtures and as they change", () => {
    const clusters = [bookinfoCluster("west", BOOKINFO, true), bookinfoCluster("east", BOOKINFO, true), bookinfoCluster("north", ["productpage"], true)];
    const inputs: PlanInput[] = [
      seedInput(),
      seedInput({ exposed: [DETAILS], north: ["details"], northGateway: true }),
      { clusters, workspaces: [workspace([DETAILS, REVIEWS])] },
      { clusters: replace("east", (c) => ({ ...c, gateways: [eastWestGateway(["10.0.0.9"])], network: "n2", locality: "eu/eu-1" }))(clusters), workspaces: [workspace([])] },
      // Names and labels beyond ASCII are hashed as UTF-8 by both.
      { clusters: replace("west", (c) => ({ ...c, services: c.services.map((s) => ({ ...s, selector: { ...s.selector, "app-ü": "é✓" } })) }))(clusters), workspaces: [workspace([])] },
    ];
    const native = createPlanner({ hash: nodeMd5 });
    const pure = createPlanner();
    for (const [i, input] of inputs.entries()) expect(JSON.stringify(native.plan(input)), `input ${i}`).toBe(JSON.stringify(pure.plan(input)));
  });
});

describe("the worker's idle indexing (createPlannerCore().warm)", () => {
  const pauses = (steps: Generator<void, void>) => {
    let n = 0;
    while (!steps.next().done) n += 1;
    return n;
  };

  it("indexes the current plan once: warming the same plan again reads no object, one pause per cluster", () => {
    // 400 services in each of three clusters with gateways: thousands of planned objects per cluster, more than
    // one index step (plan-index.ts reads 2,048 objects a step).
    const names = Array.from({ length: 400 }, (_, i) => `svc-${String(i).padStart(3, "0")}`);
    const input: PlanInput = { clusters: ["west", "east", "north"].map((n) => bookinfoCluster(n, names, true)), workspaces: [workspace(undefined)], allowLoopbackGatewayAddresses: true };
    const core = createPlannerCore();
    expect(pauses(core.warm())).toBe(0);
    const parts = [...core.handle({ type: "plan", seq: 1, delta: inputDelta(undefined, input) })];
    expect(parts.at(-1)?.type).toBe("done");
    const cold = pauses(core.warm());
    expect(pauses(core.warm())).toBe(3);
    // Cold, each cluster's index paused at least once more while reading its objects.
    expect(cold).toBeGreaterThanOrEqual(3 + 3);
  });
});

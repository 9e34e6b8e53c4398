import { describe, expect, it } from "vitest";
import type { ClusterInput, PlanInput } from "./input";
import { plan } from "./plan";
import { applyPlanDelta, planDelta } from "./plan-delta";
import { createPlanner } from "./planner";
import { bookinfoCluster, BOOKINFO, DETAILS, REVIEWS, seedInput, service, workspace } from "./test-fixtures";

// Planner.planDelta (a preview fork's delta mode) against the definition: planDelta(current plan, plan(changed)),
// with plan(changed) planned by another fork of the same planner (objects compared by identity), and applied to
// the current plan it must give a cold plan's output.
type Rng = () => number;
const rng = (seed: number): Rng => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const LONG = `x${"a".repeat(70)}`;

/** Random edits, some of them unusual: a second workspace colliding with the first, an invalid name, clusters coming and going. */
function edit(r: Rng, input: PlanInput): PlanInput {
  const name = pick(r, ["west", "east", "north", "south"]);
  const existing = input.clusters.find((c) => c.name === name);
  const swap = (fn: (c: ClusterInput) => ClusterInput | undefined): PlanInput => ({
    ...input,
    clusters: existing ? input.clusters.map((c) => (c === existing ? fn(c) : c)).filter((c): c is ClusterInput => !!c) : [...input.clusters, bookinfoCluster(name, BOOKINFO, r() < 0.5)],
  });
  const first = input.workspaces[0] ?? workspace(undefined);
  switch (Math.floor(r() * 9)) {
    case 0: return swap((c) => ({ ...c, services: [...c.services, service(pick(r, ["details", "ratings", "extra"]), pick(r, ["bookinfo", "other"]))] }));
    case 1: return swap((c) => ({ ...c, services: c.services.filter((s) => s.name !== pick(r, BOOKINFO)) }));
    case 2: return swap((c) => ({ ...c, stale: !c.stale }));
    case 3: return swap((c) => (r() < 0.3 ? undefined : { ...c, gateways: r() < 0.5 ? [] : bookinfoCluster(c.name, [], true).gateways }));
    case 4: return { ...input, workspaces: [workspace(pick(r, [[DETAILS], [DETAILS, REVIEWS], [], undefined])), ...input.workspaces.slice(1)] };
    case 5: return { ...input, workspaces: input.workspaces.length > 1 ? [first] : [first, workspace([DETAILS], { name: "zz-overlap" })] };
    case 6: return swap((c) => ({ ...c, services: [...c.services, service(LONG)] }));
    case 7: return swap((c) => ({ ...c, services: c.services.filter((s) => s.name !== LONG) }));
    default: return input;
  }
}

describe("Planner.planDelta (a fork's delta mode)", () => {
  it.each([1, 2, 3, 4])("equals planDelta(current, plan(changed)) on random edits, collisions and invalid names included (seed %i)", (seed) => {
    const r = rng(seed);
    const planner = createPlanner();
    let input: PlanInput = { ...seedInput(), allowLoopbackGatewayAddresses: true };
    let current = planner.plan(input);
    for (let step = 0; step < 40; step++) {
      const changed = edit(r, input);
      const delta = planner.fork().planDelta(changed);
      expect(delta, `step ${step}`).toEqual(planDelta(current, planner.fork().plan(changed)));
      expect(JSON.stringify(applyPlanDelta(current, delta)), `step ${step}`).toBe(JSON.stringify(plan(changed)));
      // Half the time the parent moves on (to the edit or a further one), as the worker's plan requests do, and
      // the delta it reads from its placement is the definition's.
      if (r() < 0.5) {
        const moved = planner.planWithDelta((input = r() < 0.5 ? changed : edit(r, changed)));
        expect(moved.delta, `step ${step}`).toEqual(planDelta(current, moved.result));
        current = moved.result;
      }
    }
  });

  it("leaves the planner's current plan alone: a later plan and delta start from it", () => {
    const input: PlanInput = { ...seedInput(), allowLoopbackGatewayAddresses: true };
    const planner = createPlanner();
    const current = planner.plan(input);
    const changed = { ...input, workspaces: [workspace([DETAILS])] };
    expect(Object.keys(planner.fork().planDelta(changed).clusters).length).toBeGreaterThan(0);
    // The parent never forked over: nothing differs, and nothing was rebuilt.
    expect(planner.planDelta(input).clusters).toEqual({});
    // On the planner itself, the delta is still against its plan (the memo moved on: rebuilt objects are upserts).
    const again = planner.planDelta(changed);
    expect(JSON.stringify(applyPlanDelta(current, again))).toBe(JSON.stringify(plan(changed)));
    expect(JSON.stringify(planner.plan(input))).toBe(JSON.stringify(current));
  });
});

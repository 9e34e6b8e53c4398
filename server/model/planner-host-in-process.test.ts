import { afterEach, describe, expect, it } from "vitest";
import type { ClusterInput, PlanInput } from "@/lib/plan/input";
import { plan } from "@/lib/plan/plan";
import { DETAILS, seedInput, service, workspace } from "@/lib/plan/test-fixtures";
import { createPlannerHost } from "./planner-host";
import type { PlannerHost } from "./types";

const replace = (input: PlanInput, name: string, fn: (c: ClusterInput) => ClusterInput): PlanInput => ({ ...input, clusters: input.clusters.map((c) => (c.name === name ? fn(c) : c)) });
const json = (v: unknown) => JSON.stringify(v);

let host: PlannerHost | undefined;
afterEach(async () => {
  await host?.stop();
  host = undefined;
});

describe("createPlannerHost({ inProcess: true })", () => {
  it("answers plan() with plan()'s result, and keeps an unchanged cluster's array", async () => {
    host = createPlannerHost({ inProcess: true });
    const first = seedInput();
    expect(json(await host.plan(first))).toBe(json(plan(first)));
    const before = await host.plan(first);
    const next = replace(first, "north", (c) => ({ ...c, services: [...c.services, service("details")] }));
    const after = await host.plan(next);
    expect(json(after)).toBe(json(plan(next)));
    expect(after.clusters.north).not.toBe(before.clusters.north);
  });

  it("serves calls in order, and a fork compares with the plan of the last plan() call before it", async () => {
    host = createPlannerHost({ inProcess: true });
    const first = seedInput();
    const second = { ...first, workspaces: [workspace([DETAILS])] };
    const changed = { ...second, workspaces: [workspace([])] };
    const [a, b, forked] = await Promise.all([host.plan(first), host.plan(second), host.fork(changed)]);
    expect(json(a)).toBe(json(plan(first)));
    expect(json(b)).toBe(json(plan(second)));
    expect(forked.before).toBe(b);
    expect(forked.input).toBe(second);
    expect(json(forked.after)).toBe(json(plan(changed)));
    // The fork left the current plan alone.
    expect(json(await host.plan(second))).toBe(json(b));
  });

  it("rejects a fork before any plan, with a clear error", async () => {
    host = createPlannerHost({ inProcess: true });
    await expect(host.fork(seedInput())).rejects.toThrow(/fork before any plan/);
  });

  it("rejects a call whose delta the planner cannot apply, then starts over cold", async () => {
    host = createPlannerHost({ inProcess: true });
    const input = seedInput();
    await host.plan(input);
    // A service without ports makes the planner itself throw (ports.map of undefined): the call fails loudly…
    const broken = replace(input, "west", (c) => ({ ...c, services: [{ ...service("details"), ports: undefined as never }] }));
    await expect(host.plan(broken)).rejects.toThrow(/the planner failed/);
    // …and the next one is planned from scratch, equal to a cold plan.
    expect(json(await host.plan(input))).toBe(json(plan(input)));
  });
});

// The fleet model against a warm planner: one plan in flight with later inputs coalesced, settled() tied to the
// snapshot current at the call, forks, frozen inputs and outputs, and — the property — a warm model fed random
// edits one by one always equals a cold model built from scratch on the same snapshot.
import { afterEach, describe, expect, it } from "vitest";
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { PlanInput } from "@/lib/plan/input";
import type { RegistryAction } from "@/lib/registry/types";
import { createFleetModel, type FleetModelDeps } from "./fleet-model";
import { createPlannerHost } from "./planner-host";
import { applyEdit, EDIT_NAMES, generateFleet, random, withNewService } from "./test/fleet-gen";
import { recordingHost, settableSource } from "./test/model-fixtures";
import type { FleetModel, ModelState, PlannerHost } from "./types";

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

function model(deps: Omit<FleetModelDeps, "managementCluster" | "freeze">): FleetModel {
  const m = createFleetModel({ managementCluster: "west", freeze: true, ...deps });
  stops.push(() => deps.host.stop(), () => m.stop());
  return m;
}

/** What the registry and every view read of a state, in plain data (Maps as objects). */
function essence(state: ModelState) {
  const actions: Record<string, RegistryAction[]> = Object.fromEntries([...state.registry.actions].sort(([a], [b]) => (a < b ? -1 : 1)));
  // The adapter keeps a cluster's input object while only the registry's own DestinationRules changed (the planner
  // ignores those), so a warm input may list an earlier set of them: compare what the planner reads.
  const read = (input: PlanInput) => ({ ...input, clusters: input.clusters.map((c) => ({ ...c, destinationRules: c.destinationRules.filter((d) => !d.managedByUs) })) });
  return { input: read(state.adapted.input), configStale: state.adapted.configStale, plan: state.plan, planned: read(state.planned), current: state.current, actions, conditions: state.registry.conditions, observed: state.registry.observed };
}

describe("fleet model", () => {
  it("plans one input at a time and coalesces the ones that arrive meanwhile to the latest", async () => {
    const r = random(7);
    let snapshot = generateFleet(r);
    const source = settableSource(snapshot);
    const host = recordingHost();
    const release = host.hold();
    const m = model({ source, host });
    for (let i = 0; i < 5; i++) source.set((snapshot = withNewService(snapshot, i % 3, `new-${i}`)));
    expect(host.planned).toHaveLength(1);
    release();
    const state = await m.settled();
    expect(state.snapshot).toBe(snapshot);
    expect(state.current).toBe(true);
    // The first input, then only the latest of the five that arrived while it was planned.
    expect(host.planned).toHaveLength(2);
    expect(host.planned[1]).toBe(state.adapted.input);
    expect(host.inFlight()).toBe(1);
  });

  it("keeps the plan and the adapted input while only what the planner does not read changed", async () => {
    const r = random(3);
    const snapshot = generateFleet(r);
    const source = settableSource(snapshot);
    const host = recordingHost();
    const m = model({ source, host });
    const first = await m.settled();
    source.set(applyEdit("probe", snapshot, r, undefined));
    const second = await m.settled();
    expect(second.snapshot).not.toBe(first.snapshot);
    expect(second.adapted).toBe(first.adapted);
    expect(second.plan).toBe(first.plan);
    expect(host.planned).toHaveLength(1);
  });

  it("freezes what it receives and what it hands out", async () => {
    const snapshot = generateFleet(random(5));
    const m = model({ source: settableSource(snapshot), host: recordingHost() });
    const state = await m.settled();
    expect(() => (state.snapshot.clusters as unknown[]).push(1)).toThrow(TypeError);
    expect(() => (snapshot.clusters[0]?.objects.Service as Map<string, unknown>).clear()).toThrow(/frozen/);
    expect(() => (state.plan.conditions as unknown[]).push(1)).toThrow(TypeError);
    expect(() => (state.registry.actions as Map<string, unknown>).set("x", [])).toThrow(/frozen/);
  });

  it("forks the warm plan with a change and compares it with the current plan", async () => {
    const m = model({ source: settableSource(generateFleet(random(11))), host: recordingHost() });
    const state = await m.settled();
    const fork = await m.fork((input) => ({ ...input, workspaces: [] }));
    expect(fork.before).toEqual(state.plan);
    expect(fork.input).toBe(state.planned);
    expect(fork.changed.workspaces).toEqual([]);
    expect(Object.values(fork.after.clusters).flat()).toEqual([]);
  });

  it("sends a plan the registry wants ahead of the previews that wait, and those then compare with it", async () => {
    const r = random(13);
    const snapshot = generateFleet(r);
    const source = settableSource(snapshot);
    const host = recordingHost();
    const m = model({ source, host });
    const first = await m.settled();
    const release = host.holdPreviews();
    const noGateways = (input: PlanInput) => ({ ...input, clusters: input.clusters.map((c) => ({ ...c, gateways: [] })) });
    const previews = [0, 1, 2].map(() => m.preview(noGateways, { kind: "loss", lostSource: "nowhere", local: {} }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(host.calls).toEqual(["plan", "preview"]);
    source.set(withNewService(snapshot, 0, "arrived-meanwhile"));
    const second = await m.settled();
    // The new plan went to the planner while the first preview was still in it, before the two that wait.
    expect(host.calls).toEqual(["plan", "preview", "plan"]);
    release();
    const answers = await Promise.all(previews);
    expect(host.calls).toEqual(["plan", "preview", "plan", "preview", "preview"]);
    expect(answers[0]?.input).toBe(first.planned);
    expect(answers[1]?.input).toBe(second.planned);
    expect(answers[2]?.input).toBe(second.planned);
    expect(second.planned).not.toBe(first.planned);
  });

  it("plans nothing before every gateway hostname was looked up once", async () => {
    const listeners = new Set<() => void>();
    let ready = false;
    const hostnames = { resolved: () => ({}), ready: () => ready, conditions: () => [], subscribe: (l: () => void) => (listeners.add(l), () => listeners.delete(l)) };
    const host = recordingHost();
    const m = model({ source: settableSource(generateFleet(random(2))), host, hostnames });
    const settled = m.settled();
    expect(host.planned).toHaveLength(0);
    expect(m.current()).toBeUndefined();
    ready = true;
    for (const l of listeners) l();
    expect((await settled).current).toBe(true);
    expect(host.planned).toHaveLength(1);
  });
});

describe("fleet model property: warm equals cold", () => {
  async function cold(snapshot: FleetSnapshot): Promise<ModelState> {
    // Its own host (planner, its memos and mirrors) and its own model (adapter memo, registry memos, identity
    // numbering, fleet memo): no cache is shared with the warm one.
    const host: PlannerHost = createPlannerHost({ inProcess: true });
    const m = createFleetModel({ source: settableSource(snapshot), host, managementCluster: "west", freeze: true });
    try {
      return await m.settled();
    } finally {
      await m.stop();
      await host.stop();
    }
  }

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`seed ${seed}: after each of 60 random edits, the warm model's state equals a cold model's`, async () => {
      const r = random(seed);
      let snapshot = generateFleet(r);
      const source = settableSource(snapshot);
      const warm = model({ source, host: createPlannerHost({ inProcess: true }) });
      let state = await warm.settled();
      const applied: string[] = [];
      let replans = 0;
      let withWrites = 0;
      for (let step = 0; step < 60; step++) {
        const edit = r.pick(EDIT_NAMES) ?? "probe";
        applied.push(edit);
        const before = state.plan;
        source.set((snapshot = applyEdit(edit, snapshot, r, state.plan)));
        state = await warm.settled();
        expect(state.snapshot, applied.join(" → ")).toBe(snapshot);
        expect(essence(state), applied.join(" → ")).toEqual(essence(await cold(snapshot)));
        if (state.plan !== before) replans++;
        if (state.registry.actions.size > 0) withWrites++;
      }
      // Not vacuous: the edits changed the plan many times, and there were writes to compare.
      expect(replans).toBeGreaterThan(10);
      expect(withWrites).toBeGreaterThan(10);
    }, 60_000);
  }
});

describe("fleet model when planning fails", () => {
  it("writes nothing and says why, resolves settled(), and tries again with the next snapshot", async () => {
    const r = random(9);
    let snapshot = generateFleet(r);
    const source = settableSource(snapshot);
    const inner = createPlannerHost({ inProcess: true });
    let failures = 1;
    const host: PlannerHost = { ...inner, plan: (input) => (failures-- > 0 ? Promise.reject(new Error("worker exited")) : inner.plan(input)) };
    const lines: string[] = [];
    const m = model({ source, host, log: (l) => lines.push(l) });
    const failed = await m.settled();
    expect(failed.registry.actions.size).toBe(0);
    expect(failed.registry.conditions).toContainEqual(expect.objectContaining({ reason: "PlanInputInvalid", message: expect.stringContaining("planning failed (worker exited)") }));
    expect(lines).toContain("fleet model: planning failed (worker exited)");
    source.set((snapshot = applyEdit("probe", snapshot, r, undefined)));
    const retried = await m.settled();
    expect(retried.registry.conditions.map((c) => c.reason)).not.toContain("PlanInputInvalid");
    expect(Object.keys(retried.plan.clusters).sort()).toEqual(["east", "north", "west"]);
  });
});

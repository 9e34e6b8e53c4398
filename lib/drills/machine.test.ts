import { describe, expect, it } from "vitest";
import { stepDrill } from "./machine";
import type { DrillWorld } from "./machine-types";
import { simulate, type SimOptions } from "./test-sim";
import { apply, drillOf, worldOf } from "./test-world";

const condition = (world: DrillWorld, type: string) => world.drill.status?.conditions.find((c) => c.type === type);

describe("a drill from start to end (simulated cluster)", () => {
  it("ScaleToZero with a working remote passes, shifts to east and restores the replicas", () => {
    const { world, phases, steps } = simulate(worldOf(), { remote: "east" });
    const status = world.drill.status;
    expect(phases).toEqual(["Prechecking", "Baseline", "Injecting", "Observing", "Restoring", "Succeeded"]);
    expect(status?.verdict).toBe("Passed");
    expect(status?.timeToShiftSeconds).toBeGreaterThan(0);
    expect(status?.timeToShiftSeconds).toBeLessThan(3);
    expect(status?.servedBy?.before).toEqual({ west: expect.any(Number) });
    expect(status?.servedBy?.during).toEqual({ east: expect.any(Number) });
    expect(status?.servedBy?.during?.east).toBeGreaterThan(10);
    expect(status?.servedBy?.after?.west).toBeGreaterThan(0);
    expect(status?.timeToRestoreSeconds).toBeGreaterThan(0);
    expect(status?.baseline?.successRate).toBe(1);
    expect(status?.undo).toMatchObject({ deployments: [{ name: "details-v1", replicas: 2, uid: "dep-uid" }], restored: true });
    expect(world.deployments[0]).toMatchObject({ replicas: 2 });
    expect(world.probe.exists).toBe(false);
    expect(status?.finishedAt).toBeDefined();
    expect(status?.timeline.map((t) => t.phase)).toEqual(["Prechecking", "Baseline", "Injecting", "Observing", "Restoring", "Succeeded"]);
    expect(condition(world, "Restored")).toMatchObject({ status: "True", reason: "FaultUndone" });
    expect(condition(world, "TrafficRestored")).toMatchObject({ status: "True", reason: "ServedLocally" });
    expect(steps.flatMap((s) => s.actions)).toContainEqual({ type: "scale", deployment: "details-v1", replicas: 0 });
  });

  it("FailRequests annotates the pods, then removes the annotation", () => {
    const { world, steps } = simulate(worldOf({ drill: drillOf({ fault: "FailRequests" }) }), { remote: "east" });
    const actions = steps.flatMap((s) => s.actions).filter((a) => a.type === "fault-pod");
    expect(actions).toEqual([
      { type: "fault-pod", pod: "details-v1-a", on: true },
      { type: "fault-pod", pod: "details-v1-b", on: true },
      { type: "fault-pod", pod: "details-v1-a", on: false },
      { type: "fault-pod", pod: "details-v1-b", on: false },
    ]);
    expect(world.drill.status?.verdict).toBe("Passed");
    expect(world.pods.every((p) => !p.faulted)).toBe(true);
  });

  it("a broken remote trips the stop condition, aborts and restores", () => {
    const { world, phases } = simulate(worldOf({ drill: drillOf({ stopCondition: { errorRateAbove: 0.5, forSeconds: 5 } }) }), { remote: "broken" });
    expect(phases.slice(-2)).toEqual(["Restoring", "Aborted"]);
    expect(world.drill.status?.verdict).toBe("Aborted");
    expect(world.drill.status?.reason).toMatch(/^stop condition met: error rate 100% above 50% for 5\.\d s \(more than 5 s\): no healthy upstream$/);
    expect(condition(world, "Outcome")).toMatchObject({ status: "False", reason: "StopConditionMet" });
    expect(world.drill.status?.failedRequests).toBeGreaterThan(20);
    expect(world.deployments[0]?.replicas).toBe(2);
  });

  it("traffic that never moves fails after the observe timeout (stop condition off by a high threshold)", () => {
    const { world } = simulate(worldOf({ drill: drillOf({ stopCondition: { errorRateAbove: 1, forSeconds: 10 } }) }), { remote: "broken" });
    expect(world.drill.status).toMatchObject({ phase: "Failed", verdict: "Failed", reason: "traffic did not move: no other cluster served within 60 s of the fault" });
    expect(world.deployments[0]?.replicas).toBe(2);
  });

  it("ScaleToZero without outlier detection runs, and the advice is kept in Prechecked", () => {
    const { world } = simulate(worldOf({ failover: { targetExists: true, remoteReady: true, gatewaysReady: true, outlierDetection: false } }), { remote: "east" });
    expect(world.drill.status?.verdict).toBe("Passed");
    expect(condition(world, "Prechecked")?.message).toMatch(/^all checks passed; advised: details has no outlier detection/);
  });

  it.each([-3000, 3000])("a cluster clock %d ms off the console's still passes and restores", (skewMs) => {
    const { world } = simulate(worldOf(), { remote: "east", skewMs });
    expect(world.drill.status).toMatchObject({ phase: "Succeeded", verdict: "Passed" });
    expect(world.drill.status?.timeToShiftSeconds).toBeLessThan(5);
    expect(world.deployments[0]?.replicas).toBe(2);
  });

  it("a failed precheck touches nothing", () => {
    const { world, steps } = simulate(worldOf({ failover: { targetExists: false, remoteReady: false, gatewaysReady: false, outlierDetection: true, reason: "no gateway in east" } }), { remote: "east" });
    expect(world.drill.status?.phase).toBe("Failed");
    expect(condition(world, "Prechecked")).toMatchObject({ status: "False", reason: "NoFailoverTarget" });
    expect(world.drill.status?.reason).toContain("west has no failover target for details: no gateway in east");
    expect(steps.flatMap((s) => s.actions)).toEqual([]);
  });
});

describe("stepDrill: one step", () => {
  it("is the same for the same world", () => {
    const world = worldOf({ drill: drillOf({}, { phase: "Baseline", conditions: [], timeline: [{ phase: "Baseline", at: "2026-12-05T00:59:58Z" }], undo: { deployments: [], pods: [], probePod: "p" } }) });
    expect(stepDrill(world)).toEqual(stepDrill(world));
  });

  it("starts: Pending → Prechecking with a deadline of startedAt + maxDuration", () => {
    const step = stepDrill(worldOf({ drill: drillOf({ maxDuration: "90s" }) }));
    expect(step.status).toMatchObject({ phase: "Prechecking", startedAt: "2026-12-05T01:00:00.000Z", deadline: "2026-12-05T01:01:30.000Z", observedGeneration: 1 });
    expect(step.actions).toEqual([]);
  });

  it("does nothing in a final phase", () => {
    const status = { phase: "Succeeded" as const, conditions: [], timeline: [] };
    const drill = drillOf({ abort: true }, status);
    expect(stepDrill(worldOf({ drill: { ...drill, metadata: { ...drill.metadata, generation: 2 } } }))).toEqual({ status, actions: [] });
  });

  it("aborts a Pending drill at once", () => {
    expect(stepDrill(worldOf({ drill: drillOf({ abort: true }) })).status).toMatchObject({ phase: "Aborted", verdict: "Aborted" });
  });
});

describe("stepDrill: level-triggered", () => {
  it.each<[string, DrillWorld, SimOptions]>([
    ["ScaleToZero", worldOf(), { remote: "east" }],
    ["FailRequests", worldOf({ drill: drillOf({ fault: "FailRequests" }) }), { remote: "east" }],
    ["stop condition", worldOf(), { remote: "broken" }],
  ])("%s: a waiting step, once its status is stored, decides the same again (no status churn)", (_name, start, options) => {
    const { steps, worlds } = simulate(start, options);
    const waiting = steps.map((step, i) => ({ step, world: worlds[i] })).filter(({ step }) => step.actions.length === 0 && (step.recheckAfterMs ?? 0) > 0);
    expect(waiting.length).toBeGreaterThan(5);
    for (const { step, world } of waiting) {
      if (!world) continue;
      const again = stepDrill(apply(world, step));
      expect(again.status).toEqual(step.status);
      expect(again.actions).toEqual([]);
    }
  });
});

// The guarantees that make a drill safe to run on a real fleet: the undo record is stored before any fault, a
// lost step is redone, the deadline and abort restore at once, ownership is proved before an undo.
import { describe, expect, it } from "vitest";
import { RESTORE_WAIT_MS } from "./drill-timing";
import { stepDrill } from "./machine";
import type { DrillAction, DrillWorld } from "./machine-types";
import type { DrillStatus } from "./schema";
import { simulate, type SimOptions } from "./test-sim";
import { drillOf, T0, worldOf } from "./test-world";

const isFault = (a: DrillAction) => (a.type === "scale" && a.replicas === 0) || (a.type === "fault-pod" && a.on);
const condition = (status: DrillStatus | undefined, type: string) => status?.conditions.find((c) => c.type === type);
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

/** A drill stored in Observing: details-v1 recorded at 2 replicas and scaled to 0 at T0 + 6 s. */
function observing(edit: Partial<DrillStatus> = {}, spec: Parameters<typeof drillOf>[0] = {}): DrillWorld {
  const status: DrillStatus = {
    phase: "Observing",
    startedAt: at(0),
    deadline: at(120),
    conditions: [],
    timeline: [
      { phase: "Prechecking", at: at(0) },
      { phase: "Baseline", at: at(0) },
      { phase: "Injecting", at: at(6) },
      { phase: "Observing", at: at(7) },
    ],
    undo: { recordedAt: at(6), deployments: [{ name: "details-v1", replicas: 2, uid: "dep-uid" }], pods: [], probePod: "details-20261205-010000-probe" },
    ...edit,
  };
  return worldOf({
    now: T0 + 10_000,
    drill: drillOf(spec, status),
    deployments: [{ name: "details-v1", uid: "dep-uid", replicas: 0, readyReplicas: 0 }],
    probe: { exists: true, ready: true, samples: [] },
  });
}

describe("the undo record is stored before any fault", () => {
  it.each<[string, DrillWorld, SimOptions]>([
    ["ScaleToZero", worldOf(), { remote: "east" }],
    ["FailRequests", worldOf({ drill: drillOf({ fault: "FailRequests" }) }), { remote: "east" }],
    ["a broken remote", worldOf(), { remote: "broken" }],
  ])("%s: every fault action comes after a stored record naming its target", (_name, world, options) => {
    const { steps, stored } = simulate(world, options);
    const faults = steps.flatMap((step, i) => step.actions.filter(isFault).map((action) => ({ action, undo: stored[i]?.undo })));
    expect(faults.length).toBeGreaterThan(0);
    for (const { action, undo } of faults) {
      if (action.type === "scale") expect(undo?.deployments.map((d) => d.name)).toContain(action.deployment);
      if (action.type === "fault-pod") expect(undo?.pods.map((p) => p.name)).toContain(action.pod);
    }
  });

  it("the step that records it returns no action", () => {
    const { steps } = simulate(worldOf(), { remote: "east" });
    const recording = steps.find((s) => s.status.phase === "Injecting" && s.status.undo?.deployments.length);
    expect(recording?.actions).toEqual([]);
  });
});

describe("a lost step is redone (the runner died after writing the status)", () => {
  // In this run, step 2 creates the probe, 9 scales to 0, 15 scales back, 19 deletes the probe.
  it.each([[[2]], [[9]], [[15]], [[19]], [[9, 10, 11]], [[15, 16]]])("actions of steps %j lost: still passes and restores", (lost) => {
    const { world } = simulate(worldOf(), { remote: "east", dropActionsAt: lost });
    expect(world.drill.status?.phase).toBe("Succeeded");
    expect(world.deployments[0]?.replicas).toBe(2);
    expect(world.probe.exists).toBe(false);
  });
});

describe("resumed after a crash", () => {
  it("in Observing past the deadline: restores at once", () => {
    const step = stepDrill({ ...observing(), now: T0 + 121_000 });
    expect(step.status).toMatchObject({ phase: "Restoring", verdict: "Failed", reason: "the maximum duration 2m ran out in Observing" });
    expect(step.actions).toEqual([{ type: "scale", deployment: "details-v1", replicas: 2 }]);
  });

  it("in Observing within the deadline: keeps observing, injects nothing again", () => {
    const step = stepDrill(observing());
    expect(step.status.phase).toBe("Observing");
    expect(step.actions).toEqual([]);
  });

  it("in Injecting with the record stored: injects", () => {
    const world = observing({ phase: "Injecting", timeline: observing().drill.status?.timeline.slice(0, 3) ?? [] });
    const step = stepDrill({ ...world, deployments: [{ name: "details-v1", uid: "dep-uid", replicas: 2, readyReplicas: 2 }] });
    expect(step.actions).toEqual([{ type: "scale", deployment: "details-v1", replicas: 0 }]);
  });
});

describe("abort and deadline", () => {
  it("abort while observing restores in the same step and ends Aborted", () => {
    const world = observing({}, { abort: true });
    const step = stepDrill(world);
    expect(step.status).toMatchObject({ phase: "Restoring", verdict: "Aborted" });
    expect(condition(step.status, "Outcome")).toMatchObject({ reason: "AbortRequested" });
    expect(step.actions).toEqual([{ type: "scale", deployment: "details-v1", replicas: 2 }]);
  });

  it("abort during the baseline deletes the probe and scales nothing", () => {
    const { world, steps } = simulate(worldOf(), { remote: "east", before: (w) => (w.now >= T0 + 3000 ? { ...w, drill: { ...w.drill, spec: { ...w.drill.spec, abort: true } } } : w) });
    expect(world.drill.status?.phase).toBe("Aborted");
    expect(steps.flatMap((s) => s.actions).map((a) => a.type)).toEqual(["create-probe", "delete-probe"]);
  });

  it("a deadline shorter than the baseline fails the drill and touches nothing else", () => {
    const { world, steps } = simulate(worldOf({ drill: drillOf({ maxDuration: "3s" }) }), { remote: "east" });
    expect(world.drill.status).toMatchObject({ phase: "Failed", reason: "the maximum duration 3s ran out in Baseline" });
    expect(steps.flatMap((s) => s.actions).filter(isFault)).toEqual([]);
    expect(world.probe.exists).toBe(false);
  });

  it("the deadline comes before the observe timeout when it is shorter: restores, never observes past it", () => {
    const { world } = simulate(worldOf({ drill: drillOf({ maxDuration: "30s", stopCondition: { errorRateAbove: 1, forSeconds: 10 } }) }), { remote: "broken" });
    const status = world.drill.status;
    expect(status).toMatchObject({ phase: "Failed", verdict: "Failed", reason: "the maximum duration 30s ran out in Observing" });
    const restoreAt = Date.parse(status?.timeline.find((t) => t.phase === "Restoring")?.at ?? "");
    expect(restoreAt).toBe(T0 + 30_000);
    expect(world.deployments[0]?.replicas).toBe(2);
  });

  it("a waiting step asks to be called no later than the deadline", () => {
    const late = observing({ timeline: [{ phase: "Injecting", at: at(110) }, { phase: "Observing", at: at(111) }] });
    const step = stepDrill({ ...late, now: T0 + 119_600 });
    expect(step.status.phase).toBe("Observing");
    expect(step.recheckAfterMs).toBe(400);
  });
});

describe("someone else undoes the fault", () => {
  it("while observing: the drill stops, says so, and leaves their replicas alone", () => {
    const world = { ...observing(), deployments: [{ name: "details-v1", uid: "dep-uid", replicas: 3, readyReplicas: 3 }] };
    const step = stepDrill(world);
    expect(step.status).toMatchObject({ phase: "Restoring", verdict: "Failed", reason: "the fault was undone by someone else during the drill (details-v1)" });
    expect(step.actions).toEqual([]);
  });
});

describe("an unreachable cluster", () => {
  it("keeps the phase, says so, and restores as soon as it answers", () => {
    const away = stepDrill({ ...observing(), reachable: false });
    expect(away.status.phase).toBe("Observing");
    expect(away.actions).toEqual([]);
    expect(condition(away.status, "ClusterReachable")).toMatchObject({ status: "False", reason: "ClusterUnreachable" });
    const back = stepDrill({ ...observing(), drill: { ...observing().drill, status: away.status } });
    expect(back.status).toMatchObject({ phase: "Restoring", verdict: "Failed" });
    expect(condition(back.status, "Outcome")).toMatchObject({ reason: "ClusterUnreachable" });
    expect(condition(back.status, "ClusterReachable")).toMatchObject({ status: "True" });
    expect(back.actions).toEqual([{ type: "scale", deployment: "details-v1", replicas: 2 }]);
  });
});

describe("restore proves ownership", () => {
  const restoring = (deployments: DrillWorld["deployments"]) => {
    const world = observing({}, { abort: true });
    return { ...world, deployments };
  };

  it.each<[string, DrillWorld["deployments"], string]>([
    ["re-created under the same name", [{ name: "details-v1", uid: "other-uid", replicas: 0, readyReplicas: 0 }], "details-v1 is not the Deployment the drill scaled (its uid changed): left alone"],
    ["scaled by someone else", [{ name: "details-v1", uid: "dep-uid", replicas: 3, readyReplicas: 3 }], "details-v1 was set to 3 replicas by someone else during the drill (it had 2): left alone"],
    ["deleted", [], "details-v1 no longer exists"],
  ])("a Deployment %s is left alone and the drill says so", (_name, deployments, message) => {
    const { world, steps } = simulate(restoring(deployments), { remote: "east" });
    expect(steps.flatMap((s) => s.actions).filter((a) => a.type === "scale")).toEqual([]);
    expect(condition(world.drill.status, "Restored")).toMatchObject({ status: "False", reason: "ChangedByOthers", message });
    expect(world.drill.status?.phase).toBe("Aborted");
  });

  it("a workload that never gets ready ends the drill after the restore wait, and says so", () => {
    const { world } = simulate(observing({}, { abort: true }), { remote: "east", neverReady: true });
    const restoreAt = Date.parse(world.drill.status?.timeline.find((t) => t.phase === "Restoring")?.at ?? "");
    expect(Date.parse(world.drill.status?.finishedAt ?? "") - restoreAt).toBeGreaterThanOrEqual(RESTORE_WAIT_MS);
    expect(condition(world.drill.status, "Restored")).toMatchObject({ status: "False", reason: "WorkloadNotReady" });
    expect(world.deployments[0]?.replicas).toBe(2);
  });
});

describe("a baseline that proves nothing", () => {
  it("a failing service stops before the fault", () => {
    const { world, steps } = simulate(worldOf({ deployments: [{ name: "details-v1", uid: "dep-uid", replicas: 2, readyReplicas: 0 }] }), { remote: "broken", neverReady: true });
    expect(world.drill.status?.phase).toBe("Failed");
    expect(condition(world.drill.status, "Outcome")).toMatchObject({ reason: "BaselineUnhealthy" });
    expect(steps.flatMap((s) => s.actions).filter(isFault)).toEqual([]);
  });

  it("a probe that never answers fails after its start timeout", () => {
    const world = worldOf({ drill: drillOf({}, { phase: "Baseline", conditions: [], timeline: [{ phase: "Baseline", at: at(0) }], undo: { deployments: [], pods: [], probePod: "p" } }) });
    expect(stepDrill({ ...world, now: T0 + 30_000 }).actions).toEqual([{ type: "create-probe", name: "p" }]);
    const late = stepDrill({ ...world, now: T0 + 61_000, probe: { exists: true, ready: false, samples: [] } });
    expect(late.status).toMatchObject({ phase: "Restoring", verdict: "Failed" });
    expect(condition(late.status, "Outcome")).toMatchObject({ reason: "ProbeNoSamples" });
  });
});

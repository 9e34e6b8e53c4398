import { describe, expect, it } from "vitest";
import type { DrillWorld } from "./machine-types";
import { faultActions, recordUndo, undoPlan } from "./machine-undo";
import type { DrillUndo } from "./schema";
import { drillOf, worldOf } from "./test-world";

const dep = (replicas: number, readyReplicas = replicas, uid = "dep-uid") => ({ name: "details-v1", uid, replicas, readyReplicas });
const undo: DrillUndo = { deployments: [{ name: "details-v1", replicas: 2, uid: "dep-uid" }], pods: [{ name: "details-v1-a", uid: "pod-a" }] };

describe("recordUndo", () => {
  it("ScaleToZero records the Deployments with replicas, with their uid", () => {
    const world = worldOf({ deployments: [dep(2), { name: "details-v2", uid: "u2", replicas: 0, readyReplicas: 0 }] });
    expect(recordUndo(world, "p")).toEqual({ recordedAt: "2026-12-05T01:00:00.000Z", deployments: [{ name: "details-v1", replicas: 2, uid: "dep-uid" }], pods: [], probePod: "p" });
  });

  it("FailRequests records the pods not failing already", () => {
    const world = worldOf({ drill: drillOf({ fault: "FailRequests" }), pods: [{ name: "a", uid: "ua", ready: true, faulted: false }, { name: "b", uid: "ub", ready: true, faulted: true }] });
    expect(recordUndo(world, undefined)).toEqual({ recordedAt: "2026-12-05T01:00:00.000Z", deployments: [], pods: [{ name: "a", uid: "ua" }] });
  });
});

describe("faultActions (from the stored record only)", () => {
  it.each<[string, Partial<DrillWorld>, unknown[]]>([
    ["both to fault", { deployments: [dep(2)] }, [{ type: "scale", deployment: "details-v1", replicas: 0 }, { type: "fault-pod", pod: "details-v1-a", on: true }]],
    ["already in place", { deployments: [dep(0)], pods: [{ name: "details-v1-a", uid: "pod-a", ready: true, faulted: true }] }, []],
    ["a re-created Deployment and pod are not ours", { deployments: [dep(2, 2, "new")], pods: [{ name: "details-v1-a", uid: "new", ready: true, faulted: false }] }, []],
    ["a Deployment not in the record is not touched", { deployments: [{ name: "other", uid: "o", replicas: 3, readyReplicas: 3 }], pods: [] }, []],
  ])("%s", (_name, edit, actions) => {
    expect(faultActions(worldOf(edit), undo)).toEqual(actions);
  });
});

describe("undoPlan", () => {
  it.each<[string, Partial<DrillWorld>, Partial<ReturnType<typeof undoPlan>>]>([
    ["scaled to 0 by the drill: scale back", { deployments: [dep(0)], pods: [] }, { actions: [{ type: "scale", deployment: "details-v1", replicas: 2 }], notReady: ["details-v1 0/2 ready"], leftAlone: [] }],
    ["back, not ready yet", { deployments: [dep(2, 1)], pods: [] }, { actions: [], notReady: ["details-v1 1/2 ready"], restored: ["details-v1 back to 2 replicas"] }],
    ["back and ready", { deployments: [dep(2)], pods: [] }, { actions: [], notReady: [], leftAlone: [], restored: ["details-v1 back to 2 replicas"] }],
    ["changed by someone", { deployments: [dep(5)], pods: [] }, { actions: [], leftAlone: ["details-v1 was set to 5 replicas by someone else during the drill (it had 2): left alone"] }],
    ["re-created", { deployments: [dep(0, 0, "new")], pods: [] }, { actions: [], leftAlone: ["details-v1 is not the Deployment the drill scaled (its uid changed): left alone"] }],
    ["a failing pod: heal it", { deployments: [dep(2)], pods: [{ name: "details-v1-a", uid: "pod-a", ready: true, faulted: true }] }, { actions: [{ type: "fault-pod", pod: "details-v1-a", on: false }], notReady: ["details-v1-a still failing requests"] }],
    ["a failing pod that is not ours", { deployments: [dep(2)], pods: [{ name: "details-v1-a", uid: "new", ready: true, faulted: true }] }, { actions: [] }],
  ])("%s", (_name, edit, expected) => {
    expect(undoPlan(worldOf(edit), undo)).toMatchObject(expected);
  });

  it("a record without uid proves nothing: left alone", () => {
    const plan = undoPlan(worldOf({ deployments: [dep(0)] }), { deployments: [{ name: "details-v1", replicas: 2 }], pods: [] });
    expect(plan.actions).toEqual([]);
    expect(plan.leftAlone).toHaveLength(1);
  });

  it("no record, nothing to do", () => {
    expect(undoPlan(worldOf(), undefined)).toEqual({ actions: [], leftAlone: [], notReady: [], restored: [] });
  });
});

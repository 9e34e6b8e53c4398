// The undo record and the actions derived from it. The record is taken from the world just before the fault and
// written to the drill's status before any fault action is returned (machine-run.ts); every fault and undo action
// is derived from the STORED record, never from the world alone. Ownership is proved, never claimed: the drill
// touches a Deployment or pod only when its uid matches the recorded one (a Deployment deleted and re-created
// under the same name is someone else's), and a Deployment whose replicas someone changed since is left alone.
import type { DrillAction, DrillWorld } from "./machine-types";
import type { DrillUndo } from "./schema";
import { isoAt } from "./machine-status";

/** What the fault will change, recorded before it does: the Deployments with replicas, or the pods not yet failing. */
export function recordUndo(world: DrillWorld, probePod: string | undefined): DrillUndo {
  const scale = world.drill.spec.fault === "ScaleToZero";
  return {
    recordedAt: isoAt(world.now),
    deployments: scale ? world.deployments.filter((d) => d.replicas > 0).map((d) => ({ name: d.name, replicas: d.replicas, uid: d.uid })) : [],
    // A pod failing already was failed by someone else: not ours to fail, nor to heal.
    pods: scale ? [] : world.pods.filter((p) => !p.faulted).map((p) => ({ name: p.name, uid: p.uid })),
    ...(probePod ? { probePod } : {}),
  };
}

export const faultTargets = (undo: DrillUndo | undefined): number => (undo ? undo.deployments.length + undo.pods.length : 0);

const deploymentOf = (world: DrillWorld, name: string, uid: string | undefined) => {
  const found = world.deployments.find((d) => d.name === name);
  return found && uid !== undefined && found.uid === uid ? found : undefined;
};
const podOf = (world: DrillWorld, name: string, uid: string | undefined) => {
  const found = world.pods.find((p) => p.name === name);
  return found && uid !== undefined && found.uid === uid ? found : undefined;
};

/** The fault actions still to carry out (empty: the fault is in place, or nothing recorded is left to fault). */
export function faultActions(world: DrillWorld, undo: DrillUndo): DrillAction[] {
  const actions: DrillAction[] = [];
  for (const recorded of undo.deployments) {
    const live = deploymentOf(world, recorded.name, recorded.uid);
    if (live && live.replicas > 0) actions.push({ type: "scale", deployment: recorded.name, replicas: 0 });
  }
  for (const recorded of undo.pods) {
    const live = podOf(world, recorded.name, recorded.uid);
    if (live && !live.faulted) actions.push({ type: "fault-pod", pod: recorded.name, on: true });
  }
  return actions;
}

export type UndoPlan = {
  actions: DrillAction[];
  /** Recorded objects the drill will not touch, and why. */
  leftAlone: string[];
  /** Restored objects not ready yet. */
  notReady: string[];
  /** Restored objects, for the report ("details-v1 back to 2 replicas"). */
  restored: string[];
};

/** What undoing the fault takes now, from the stored record and the world. */
export function undoPlan(world: DrillWorld, undo: DrillUndo | undefined): UndoPlan {
  const plan: UndoPlan = { actions: [], leftAlone: [], notReady: [], restored: [] };
  for (const recorded of undo?.deployments ?? []) {
    const named = world.deployments.find((d) => d.name === recorded.name);
    const live = deploymentOf(world, recorded.name, recorded.uid);
    if (!named) plan.leftAlone.push(`${recorded.name} no longer exists`);
    else if (!live) plan.leftAlone.push(`${recorded.name} is not the Deployment the drill scaled (its uid changed): left alone`);
    else if (live.replicas === 0) {
      plan.actions.push({ type: "scale", deployment: recorded.name, replicas: recorded.replicas });
      plan.notReady.push(`${recorded.name} 0/${recorded.replicas} ready`);
    } else if (live.replicas !== recorded.replicas) {
      plan.leftAlone.push(`${recorded.name} was set to ${live.replicas} replicas by someone else during the drill (it had ${recorded.replicas}): left alone`);
    } else {
      plan.restored.push(`${recorded.name} back to ${recorded.replicas} replica${recorded.replicas === 1 ? "" : "s"}`);
      if (live.readyReplicas < recorded.replicas) plan.notReady.push(`${recorded.name} ${live.readyReplicas}/${recorded.replicas} ready`);
    }
  }
  for (const recorded of undo?.pods ?? []) {
    const live = podOf(world, recorded.name, recorded.uid);
    if (!live) continue; // a pod gone took its annotation with it
    if (live.faulted) {
      plan.actions.push({ type: "fault-pod", pod: recorded.name, on: false });
      plan.notReady.push(`${recorded.name} still failing requests`);
    } else plan.restored.push(`${recorded.name} answers normally`);
  }
  return plan;
}

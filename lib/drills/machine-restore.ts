// Restoring and ending a drill. Entering Restoring decides the outcome (verdict + reason) and already returns
// the undo actions, so an abort or a deadline restores at once. Restoring then waits, level-triggered: the undo
// done (from the stored record), the workload ready, the local instance serving again (time to restore), a few
// seconds of "served by after"; then it records restored = true and deletes the probe Pod; the final phase
// follows once the probe is gone, so a crash anywhere in between redoes only what is left.
import { AFTER_HOLD_MS, RESTORE_WAIT_MS, TICK_MS } from "./drill-timing";
import type { DrillStep, DrillWorld } from "./machine-types";
import { faultTargets, undoPlan } from "./machine-undo";
import { enteredAt, finish, secondsBetween, withCondition, withOutcome, type Outcome } from "./machine-status";
import { localAgainAt, probeStats, shiftedAt } from "./probe-stats";
import type { DrillStatus } from "./schema";

/** Ends a drill that touched nothing (precheck failed, aborted or out of time before the baseline). */
export function finishEarly(world: DrillWorld, status: DrillStatus, outcome: Outcome): DrillStep {
  return { status: finish(withOutcome(status, outcome, world.now), world.now), actions: [] };
}

export function beginRestore(world: DrillWorld, status: DrillStatus, outcome: Outcome): DrillStep {
  const { now } = world;
  const injectAt = enteredAt(status, "Injecting");
  let next = withOutcome({ ...status, phase: "Restoring", timeline: [...status.timeline, { phase: "Restoring", at: new Date(now).toISOString(), message: outcome.message }] }, outcome, now);
  if (injectAt !== undefined && world.probe.exists) {
    // "During" is where traffic settled under the fault: from the shift when there was one (the local answers
    // before it are the time to shift, its failures are counted below), else the whole fault.
    const settled = shiftedAt(world.probe.samples, world.cluster, injectAt, now + 1) ?? injectAt;
    const during = probeStats(world.probe.samples, { from: settled, to: now + 1 });
    const failed = probeStats(world.probe.samples, { from: injectAt, to: now + 1 }).failed;
    next = { ...next, servedBy: { ...next.servedBy, during: during.servedBy }, failedRequests: failed };
  }
  return { status: next, actions: undoPlan(world, world.drill.status?.undo).actions, recheckAfterMs: TICK_MS };
}

export function restoreStep(world: DrillWorld, status: DrillStatus): DrillStep {
  const { now } = world;
  const stored = world.drill.status?.undo;
  if (stored?.restored) {
    if (stored.probePod && world.probe.exists) return { status, actions: [{ type: "delete-probe", name: stored.probePod }], recheckAfterMs: TICK_MS };
    return { status: finish(status, now), actions: [] };
  }
  const restoreAt = enteredAt(status, "Restoring") ?? now;
  const injectAt = enteredAt(status, "Injecting");
  const plan = undoPlan(world, stored);
  const expired = now - restoreAt >= RESTORE_WAIT_MS;
  const waiting = (message: string): DrillStep => ({
    status: withCondition(status, { type: "Restored", status: "Unknown", reason: "Restoring", message }, now),
    actions: plan.actions,
    recheckAfterMs: TICK_MS,
  });
  if (plan.actions.length > 0) return waiting(`undoing the fault: ${plan.notReady.join(", ")}`);
  if (plan.notReady.length > 0 && !expired) return waiting(`waiting until ready: ${plan.notReady.join(", ")}`);

  // Traffic back home: only worth waiting for when a fault was recorded and the probe still measures.
  const measure = injectAt !== undefined && faultTargets(stored) > 0 && world.probe.exists;
  const localAt = measure ? localAgainAt(world.probe.samples, world.cluster, restoreAt) : undefined;
  const settled = localAt !== undefined && now - localAt >= AFTER_HOLD_MS;
  if (measure && !settled && !expired) return waiting(localAt === undefined ? `waiting until ${world.cluster} serves again` : "measuring traffic after the restore");

  let next: DrillStatus = { ...status, undo: { ...(stored ?? { deployments: [], pods: [] }), restored: true } };
  if (measure && injectAt !== undefined) {
    const after = probeStats(world.probe.samples, { from: localAt ?? restoreAt, to: now + 1 });
    const overall = probeStats(world.probe.samples, { from: injectAt, to: now + 1 });
    next = { ...next, servedBy: { ...next.servedBy, after: after.servedBy }, failedRequests: overall.failed };
    if (localAt !== undefined) next = { ...next, timeToRestoreSeconds: secondsBetween(restoreAt, localAt) };
  }
  next = withCondition(next, restoredCondition(plan), now);
  if (measure) {
    next = withCondition(
      next,
      localAt === undefined
        ? { type: "TrafficRestored", status: "False", reason: "TrafficNotLocal", message: `${world.cluster} did not serve again within ${RESTORE_WAIT_MS / 1000} s of the restore` }
        : { type: "TrafficRestored", status: "True", reason: "ServedLocally", message: `${world.cluster} served again ${secondsBetween(restoreAt, localAt)} s after the restore began` },
      now,
    );
  }
  const probe = stored?.probePod;
  return { status: next, actions: probe && world.probe.exists ? [{ type: "delete-probe", name: probe }] : [], recheckAfterMs: TICK_MS };
}

function restoredCondition(plan: ReturnType<typeof undoPlan>) {
  if (plan.leftAlone.length > 0) {
    return { type: "Restored", status: "False" as const, reason: "ChangedByOthers", message: [...plan.restored, ...plan.leftAlone].join("; ") };
  }
  if (plan.notReady.length > 0) {
    return { type: "Restored", status: "False" as const, reason: "WorkloadNotReady", message: `not ready ${RESTORE_WAIT_MS / 1000} s after the restore: ${plan.notReady.join(", ")}` };
  }
  return { type: "Restored", status: "True" as const, reason: "FaultUndone", message: plan.restored.length > 0 ? plan.restored.join("; ") : "nothing was changed" };
}

// The drill's phase machine: Pending → Prechecking → Baseline → Injecting → Observing → Restoring → Succeeded |
// Failed | Aborted, decided from the world alone (level-triggered; see machine-types.ts). This file is the order
// of precedence; the phases live in machine-run.ts (forward) and machine-restore.ts (back):
//   1. a final phase does nothing;
//   2. an unreachable cluster: keep the phase, say so (ClusterReachable False), retry; once it answers again, a
//      drill whose stored status recorded the outage and that may have touched the cluster restores at once. An
//      outage the status could not record (the API server itself gone) leaves the drill's own bounds in charge
//      when it comes back: the probe kept logging in the cluster, so the observe timeout and the deadline judge
//      from complete samples;
//   3. spec.abort: Aborted (through Restoring once anything was created);
//   4. the deadline (startedAt + maxDuration): Restoring whatever the phase;
//   5. the phase's own step (the stop condition is checked there, while the fault may be in place).
// Same world in, same step out: nothing here reads a clock or keeps state.
import { checkDrillDuration, parseGoDuration } from "./duration";
import { UNREACHABLE_RETRY_MS } from "./drill-timing";
import type { DrillMachine, DrillStep, DrillWorld } from "./machine-types";
import { baselineStep, injectStep, observeStep, precheckStep } from "./machine-run";
import { beginRestore, finishEarly, restoreStep } from "./machine-restore";
import { conditionOf, enterPhase, isoAt, withCondition, type Outcome } from "./machine-status";
import { FINAL_PHASES, type DrillPhase, type DrillStatus } from "./schema";

const REACHABLE = "ClusterReachable";
/** Phases in which the drill may have changed the cluster (a probe Pod, a fault): leaving them goes through Restoring. */
const TOUCHING: readonly DrillPhase[] = ["Baseline", "Injecting", "Observing"];

function stored(world: DrillWorld): DrillStatus {
  const status = world.drill.status ?? { conditions: [], timeline: [] };
  const generation = world.drill.metadata.generation;
  return generation === undefined ? status : { ...status, observedGeneration: generation };
}

function start(world: DrillWorld, status: DrillStatus): DrillStep {
  const parsed = parseGoDuration(world.drill.spec.maxDuration);
  const seconds = parsed.ok && checkDrillDuration(parsed.seconds).ok ? parsed.seconds : undefined;
  const startedAt = status.startedAt ?? isoAt(world.now);
  const deadline = seconds === undefined ? undefined : isoAt(Date.parse(startedAt) + seconds * 1000);
  const next = enterPhase({ ...status, startedAt, ...(deadline ? { deadline } : {}) }, "Prechecking", world.now);
  return { status: next, actions: [], recheckAfterMs: 0 };
}

function unreachable(world: DrillWorld, status: DrillStatus, phase: DrillPhase): DrillStep {
  const then = TOUCHING.includes(phase) || phase === "Restoring" ? "restores" : "continues";
  const message = `${world.cluster} cannot be reached: the drill waits in ${phase} and ${then} as soon as it answers`;
  return { status: withCondition(status, { type: REACHABLE, status: "False", reason: "ClusterUnreachable", message }, world.now), actions: [], recheckAfterMs: UNREACHABLE_RETRY_MS };
}

/** Why the drill must stop now regardless of its phase's progress, if it must. */
function interruption(world: DrillWorld, status: DrillStatus, phase: DrillPhase, wasUnreachable: boolean): Outcome | undefined {
  if (world.drill.spec.abort) return { verdict: "Aborted", reason: "AbortRequested", message: "aborted on request (spec.abort)" };
  const deadline = status.deadline ? Date.parse(status.deadline) : Number.NaN;
  const shifted = phase === "Observing" && status.timeToShiftSeconds !== undefined;
  if (world.now >= deadline) {
    if (shifted) return { verdict: "Passed", reason: "TrafficShifted", message: `traffic moved in ${status.timeToShiftSeconds} s; the maximum duration ${world.drill.spec.maxDuration} ended the drill` };
    return { verdict: "Failed", reason: "DeadlineExceeded", message: `the maximum duration ${world.drill.spec.maxDuration} ran out in ${phase}` };
  }
  if (wasUnreachable && TOUCHING.includes(phase)) {
    if (shifted) return { verdict: "Passed", reason: "TrafficShifted", message: `traffic moved in ${status.timeToShiftSeconds} s; ${world.cluster} was unreachable for a while, so the drill restored as soon as it answered` };
    return { verdict: "Failed", reason: "ClusterUnreachable", message: `${world.cluster} was unreachable during ${phase}: the drill restored as soon as it answered` };
  }
  return undefined;
}

export const stepDrill: DrillMachine = (world) => {
  const final = world.drill.status;
  if (final?.phase !== undefined && FINAL_PHASES.includes(final.phase)) return { status: final, actions: [] };
  let status = stored(world);
  const phase: DrillPhase = status.phase ?? "Pending";
  if (!world.reachable) return unreachable(world, status, phase);
  const wasUnreachable = conditionOf(status, REACHABLE)?.status === "False";
  status = withCondition(status, { type: REACHABLE, status: "True", reason: "ClusterReachable", message: `${world.cluster} answers` }, world.now);
  if (phase === "Restoring") return restoreStep(world, status);
  if (phase === "Pending") {
    if (world.drill.spec.abort) return finishEarly(world, status, { verdict: "Aborted", reason: "AbortRequested", message: "aborted on request (spec.abort) before it started" });
    return start(world, status);
  }
  const stop = interruption(world, status, phase, wasUnreachable);
  if (stop) return TOUCHING.includes(phase) ? beginRestore(world, status, stop) : finishEarly(world, status, stop);
  const step = phase === "Prechecking" ? precheckStep(world, status) : phase === "Baseline" ? baselineStep(world, status) : phase === "Injecting" ? injectStep(world, status) : observeStep(world, status);
  return untilDeadline(world, step);
};

/** A waiting step asks to be called again no later than the deadline, so the deadline acts on time. */
function untilDeadline(world: DrillWorld, step: DrillStep): DrillStep {
  const deadline = step.status.deadline ? Date.parse(step.status.deadline) : Number.NaN;
  if (!Number.isFinite(deadline) || step.status.phase === "Restoring" || step.recheckAfterMs === undefined) return step;
  return { ...step, recheckAfterMs: Math.max(0, Math.min(step.recheckAfterMs, deadline - world.now)) };
}


// The forward phases of a drill: Prechecking → Baseline → Injecting → Observing. Each step decides from the world
// and the stored status only. The rule that makes a drill crash-safe: the undo record is written by one step
// (Baseline → Injecting, no actions) and the fault actions are returned only by later steps, whose STORED status
// already carries it (DrillStep: the runner writes the status before it acts).
import { BASELINE_MIN_SAMPLES, BASELINE_MIN_SUCCESS_RATE, BASELINE_MS, INJECT_TIMEOUT_MS, OBSERVE_TIMEOUT_MS, PROBE_START_TIMEOUT_MS, SHIFT_HOLD_MS, TICK_MS } from "./drill-timing";
import type { DrillStep, DrillWorld } from "./machine-types";
import { faultActions, faultTargets, recordUndo } from "./machine-undo";
import { beginRestore, finishEarly } from "./machine-restore";
import { enteredAt, enterPhase, secondsBetween, withCondition, type Outcome } from "./machine-status";
import { blockingChecks, precheck } from "./precheck";
import { probePodName } from "./probe-pod";
import { commonestError, inWindow, probeStats, shiftedAt, UNKNOWN_CLUSTER, type ProbeStats } from "./probe-stats";
import type { DrillStatus } from "./schema";
import { evaluateStopCondition } from "./stop-condition";

const wait = (status: DrillStatus): DrillStep => ({ status, actions: [], recheckAfterMs: TICK_MS });
const pct = (rate: number) => `${Math.round(rate * 100)}%`;

export function precheckStep(world: DrillWorld, status: DrillStatus): DrillStep {
  const checks = precheck(world);
  const blocking = blockingChecks(checks);
  const { now } = world;
  if (blocking.length > 0) {
    const message = `precheck failed: ${blocking.map((c) => c.message).join("; ")}`;
    const checked = withCondition(status, { type: "Prechecked", status: "False", reason: blocking[0]?.reason ?? "PrecheckFailed", message }, now);
    return finishEarly(world, checked, { verdict: "Failed", reason: blocking[0]?.reason ?? "PrecheckFailed", message });
  }
  const advised = checks.filter((c) => !c.ok).map((c) => c.message);
  let next = withCondition(status, { type: "Prechecked", status: "True", reason: "ChecksPassed", message: ["all checks passed", ...advised].join("; ") }, now);
  next = { ...next, undo: { deployments: [], pods: [], probePod: probePodName(world.drill.metadata.name) } };
  return { status: enterPhase(next, "Baseline", now, "probing the service before the fault"), actions: [], recheckAfterMs: 0 };
}

/** Why a baseline proves nothing, if it does not. */
function baselineProblem(stats: ProbeStats, local: string): Outcome | undefined {
  const rate = stats.successRate ?? 0;
  if (rate < BASELINE_MIN_SUCCESS_RATE) {
    return { verdict: "Failed", reason: "BaselineUnhealthy", message: `the service is failing before the fault (success rate ${pct(rate)}): nothing to prove` };
  }
  const known = Object.keys(stats.servedBy).filter((c) => c !== UNKNOWN_CLUSTER);
  if (known.length === 0) {
    return { verdict: "Failed", reason: "ServedByUnknown", message: "responses do not say which cluster served them (no x-served-by-cluster header): see docs/real-cluster-probe.md" };
  }
  if (!stats.servedBy[local]) {
    return { verdict: "Failed", reason: "NotServedLocally", message: `${local} served no request before the fault (served by ${known.join(", ")}): there is no shift to measure` };
  }
  return undefined;
}

export function baselineStep(world: DrillWorld, status: DrillStatus): DrillStep {
  const { now } = world;
  const since = enteredAt(status, "Baseline") ?? now;
  const probe = world.drill.status?.undo?.probePod;
  // The probe Pod is created only once its name is in the stored status, so a crash cannot orphan it.
  if (!probe) return { status: { ...status, undo: { deployments: [], pods: [], ...status.undo, probePod: probePodName(world.drill.metadata.name) } }, actions: [], recheckAfterMs: 0 };
  // Every line of this drill's own probe Pod is baseline (it was created in this phase). Spans are measured on the
  // samples' clock alone: the cluster's clock may differ from the console's by a few seconds.
  const samples = world.probe.exists ? inWindow(world.probe.samples, { from: -Infinity }) : [];
  const first = samples[0];
  const last = samples.at(-1);
  if (!first) {
    if (now - since >= PROBE_START_TIMEOUT_MS) {
      return beginRestore(world, status, { verdict: "Failed", reason: "ProbeNoSamples", message: `the probe Pod ${probe} sent no request within ${PROBE_START_TIMEOUT_MS / 1000} s` });
    }
    return { status, actions: world.probe.exists ? [] : [{ type: "create-probe", name: probe }], recheckAfterMs: TICK_MS };
  }
  if (samples.length < BASELINE_MIN_SAMPLES || (last?.at ?? first.at) - first.at < BASELINE_MS) return wait(status);
  const stats = probeStats(samples, { from: first.at });
  const problem = baselineProblem(stats, world.cluster);
  if (problem) return beginRestore(world, status, problem);
  const undo = recordUndo(world, probe);
  if (faultTargets(undo) === 0) {
    return beginRestore(world, status, { verdict: "Failed", reason: "NoLocalWorkload", message: `nothing of ${world.drill.spec.service} is left to fault in ${world.cluster}` });
  }
  const baseline = {
    requests: stats.requests,
    successRate: stats.successRate ?? 0,
    ...(stats.p50LatencyMs === undefined ? {} : { p50LatencyMs: stats.p50LatencyMs }),
    ...(stats.p95LatencyMs === undefined ? {} : { p95LatencyMs: stats.p95LatencyMs }),
  };
  const next: DrillStatus = { ...status, baseline, servedBy: { ...status.servedBy, before: stats.servedBy }, undo };
  return { status: enterPhase(next, "Injecting", now, describeFault(undo)), actions: [], recheckAfterMs: 0 };
}

function describeFault(undo: ReturnType<typeof recordUndo>, done = false): string {
  const scaled = undo.deployments.map((d) => `${d.name} ${d.replicas} → 0`);
  const failed = undo.pods.map((p) => p.name);
  if (scaled.length > 0) return `${done ? "scaled" : "scaling"} ${scaled.join(", ")}`;
  return `${done ? "failing" : "will fail"} the requests of ${failed.join(", ")}`;
}

/** The stop condition over the samples since the fault, as an outcome when met. */
export function stopOutcome(world: DrillWorld, status: DrillStatus): Outcome | undefined {
  const injectAt = enteredAt(status, "Injecting");
  if (injectAt === undefined || !world.probe.exists) return undefined;
  const { stopCondition } = world.drill.spec;
  const result = evaluateStopCondition(world.probe.samples, stopCondition, { from: injectAt });
  if (!result.met) return undefined;
  const error = commonestError(world.probe.samples, { from: result.since, to: result.until + 1 });
  return {
    verdict: "Aborted",
    reason: "StopConditionMet",
    message: `stop condition met: error rate ${pct(result.errorRate)} above ${pct(stopCondition.errorRateAbove)} for ${result.seconds.toFixed(1)} s (more than ${stopCondition.forSeconds} s)${error ? `: ${error}` : ""}`,
  };
}

export function injectStep(world: DrillWorld, status: DrillStatus): DrillStep {
  const { now } = world;
  const stored = world.drill.status?.undo;
  const injectAt = enteredAt(status, "Injecting") ?? now;
  if (!stored || faultTargets(stored) === 0) return beginRestore(world, status, { verdict: "Failed", reason: "NoUndoRecord", message: "no undo record is stored: the drill injects nothing it could not undo" });
  const stop = stopOutcome(world, status);
  if (stop) return beginRestore(world, status, stop);
  if (!world.probe.exists) return beginRestore(world, status, { verdict: "Failed", reason: "ProbeGone", message: "the probe Pod disappeared: the drill can no longer see traffic" });
  const actions = faultActions(world, stored);
  if (actions.length === 0) {
    const fault = world.drill.spec.fault === "ScaleToZero" ? "ScaledToZero" : "RequestsFailing";
    const next = withCondition(status, { type: "FaultInjected", status: "True", reason: fault, message: describeFault(stored, true) }, now);
    return { status: enterPhase(next, "Observing", now, "waiting for another cluster to serve"), actions: [], recheckAfterMs: TICK_MS };
  }
  if (now - injectAt >= INJECT_TIMEOUT_MS) {
    return beginRestore(world, status, { verdict: "Failed", reason: "FaultNotApplied", message: `the fault was not in place ${INJECT_TIMEOUT_MS / 1000} s after it was asked for` });
  }
  return { status, actions, recheckAfterMs: TICK_MS };
}

/** Where traffic went since the fault: the clusters other than the drilled one. */
function remotes(world: DrillWorld, from: number): string {
  const served = probeStats(world.probe.samples, { from }).servedBy;
  return Object.keys(served).filter((c) => c !== world.cluster && c !== UNKNOWN_CLUSTER).join(", ") || "another cluster";
}

export function observeStep(world: DrillWorld, status: DrillStatus): DrillStep {
  const { now } = world;
  const injectAt = enteredAt(status, "Injecting") ?? now;
  const stop = stopOutcome(world, status);
  if (stop) return beginRestore(world, status, stop);
  if (!world.probe.exists) return beginRestore(world, status, { verdict: "Failed", reason: "ProbeGone", message: "the probe Pod disappeared: the drill can no longer see traffic" });
  // The fault was seen in place before Observing began: if it is not any more, someone undid it (the drill
  // never fights people; it stops and restores what is still its own).
  const stored = world.drill.status?.undo;
  const undone = stored ? faultActions(world, stored) : [];
  if (undone.length > 0) {
    const what = undone.map((a) => (a.type === "scale" ? a.deployment : a.type === "fault-pod" ? a.pod : a.name)).join(", ");
    return beginRestore(world, status, { verdict: "Failed", reason: "FaultUndoneByOthers", message: `the fault was undone by someone else during the drill (${what})` });
  }
  const shift = shiftedAt(world.probe.samples, world.cluster, injectAt);
  if (shift !== undefined) {
    const seconds = secondsBetween(injectAt, shift);
    const where = remotes(world, shift);
    const next = withCondition({ ...status, timeToShiftSeconds: seconds }, { type: "TrafficShifted", status: "True", reason: "RemoteServing", message: `served by ${where} ${seconds} s after the fault` }, now);
    if (now - shift < SHIFT_HOLD_MS) return wait(next);
    return beginRestore(world, next, { verdict: "Passed", reason: "TrafficShifted", message: `traffic moved to ${where} in ${seconds} s` });
  }
  // A shift seen earlier and undone since (the local instance answered again) is no shift.
  const unshifted = status.timeToShiftSeconds === undefined ? status : withCondition(withoutShift(status), { type: "TrafficShifted", status: "Unknown", reason: "ServedLocallyAgain", message: `${world.cluster} served again after the shift` }, now);
  if (now - injectAt >= OBSERVE_TIMEOUT_MS) {
    const next = withCondition(unshifted, { type: "TrafficShifted", status: "False", reason: "TrafficDidNotMove", message: `no other cluster served within ${OBSERVE_TIMEOUT_MS / 1000} s` }, now);
    return beginRestore(world, next, { verdict: "Failed", reason: "TrafficDidNotMove", message: `traffic did not move: no other cluster served within ${OBSERVE_TIMEOUT_MS / 1000} s of the fault` });
  }
  return wait(unshifted);
}

function withoutShift(status: DrillStatus): DrillStatus {
  const next = { ...status };
  delete next.timeToShiftSeconds;
  return next;
}

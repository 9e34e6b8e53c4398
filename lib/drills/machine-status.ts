// Small pure edits of a drill's status used by the phase machine: phases with their timeline entry, conditions
// that keep their lastTransitionTime while their status holds (as Kubernetes' meta.SetStatusCondition does, so
// an unchanged world writes an unchanged status), and the outcome that decides the verdict.
import type { DrillCondition, DrillPhase, DrillStatus, DrillVerdict } from "./schema";

export const isoAt = (ms: number): string => new Date(ms).toISOString();

/** Seconds to one decimal: the precision the figures are shown in. */
export const secondsBetween = (from: number, to: number): number => Math.round((to - from) / 100) / 10;

export type ConditionInput = { type: string; status: "True" | "False" | "Unknown"; reason: string; message: string };

/** What a drill concluded, decided once (entering Restoring, or at once when nothing was touched). */
export type Outcome = { verdict: DrillVerdict; /** CamelCase, the Outcome condition's reason. */ reason: string; message: string };

export const OUTCOME_CONDITION = "Outcome";

export function withCondition(status: DrillStatus, input: ConditionInput, now: number): DrillStatus {
  const existing = status.conditions.find((c) => c.type === input.type);
  const lastTransitionTime = existing?.status === input.status && existing.lastTransitionTime ? existing.lastTransitionTime : isoAt(now);
  const next: DrillCondition = { ...input, lastTransitionTime };
  if (existing && sameCondition(existing, next)) return status;
  const conditions = existing ? status.conditions.map((c) => (c.type === input.type ? next : c)) : [...status.conditions, next];
  return { ...status, conditions };
}

function sameCondition(a: DrillCondition, b: DrillCondition): boolean {
  return a.status === b.status && a.reason === b.reason && a.message === b.message && a.lastTransitionTime === b.lastTransitionTime;
}

export function conditionOf(status: DrillStatus, type: string): DrillCondition | undefined {
  return status.conditions.find((c) => c.type === type);
}

export function enterPhase(status: DrillStatus, phase: DrillPhase, now: number, message?: string): DrillStatus {
  return { ...status, phase, timeline: [...status.timeline, { phase, at: isoAt(now), ...(message ? { message } : {}) }] };
}

/** When the drill last entered `phase` (from its timeline), in epoch ms. */
export function enteredAt(status: DrillStatus, phase: DrillPhase): number | undefined {
  for (let i = status.timeline.length - 1; i >= 0; i--) {
    const entry = status.timeline[i];
    if (entry?.phase !== phase) continue;
    const at = Date.parse(entry.at);
    return Number.isFinite(at) ? at : undefined;
  }
  return undefined;
}

export function withOutcome(status: DrillStatus, outcome: Outcome, now: number): DrillStatus {
  const next = { ...status, verdict: outcome.verdict, reason: outcome.message };
  return withCondition(next, { type: OUTCOME_CONDITION, status: outcome.verdict === "Passed" ? "True" : "False", reason: outcome.reason, message: outcome.message }, now);
}

export function finalPhaseOf(verdict: DrillVerdict | undefined): DrillPhase {
  if (verdict === "Passed") return "Succeeded";
  return verdict === "Aborted" ? "Aborted" : "Failed";
}

/** The final phase, its timeline entry and finishedAt. */
export function finish(status: DrillStatus, now: number): DrillStatus {
  return { ...enterPhase(status, finalPhaseOf(status.verdict), now, status.reason), finishedAt: isoAt(now) };
}

// The steps a drill's timeline shows: the phases it normally goes through, each done, current, upcoming or not
// reached (a drill that stops at precheck never has a baseline), with the time and message the runner recorded.
import { FINAL_PHASES, type DrillPhase, type DrillStatus } from "@/lib/drills/schema";
import { PHASE_PATH } from "./drill-words";

export type StepState = "done" | "current" | "upcoming" | "skipped";
export type TimelineStep = { phase: DrillPhase | "Finished"; state: StepState; at?: string; message?: string };

const isFinal = (phase: DrillPhase) => FINAL_PHASES.includes(phase);

/** `createdAt`: when the object was made, the Pending step's time when the runner recorded none for it. */
export function timelineSteps(phase: DrillPhase, timeline: DrillStatus["timeline"], createdAt?: string): TimelineStep[] {
  // The first record of each phase: a phase the runner re-entered (after a restart) keeps when it began.
  const seen = new Map<string, { at: string; message?: string }>();
  for (const entry of timeline) if (!seen.has(entry.phase)) seen.set(entry.phase, { at: entry.at, ...(entry.message ? { message: entry.message } : {}) });
  if (createdAt && !seen.has("Pending")) seen.set("Pending", { at: createdAt });
  const final = isFinal(phase);
  const current = final ? PHASE_PATH.length : PHASE_PATH.indexOf(phase);
  const steps: TimelineStep[] = PHASE_PATH.map((p, i) => {
    const record = seen.get(p);
    const state: StepState = i === current ? "current" : i > current ? "upcoming" : record || p === "Pending" ? "done" : "skipped";
    return { phase: p, state, ...record };
  });
  const end = final ? seen.get(phase) : undefined;
  steps.push(final ? { phase, state: "done", ...end } : { phase: "Finished", state: "upcoming" });
  return steps;
}

// The model's line to the planner host: at most one plan in flight, and while it runs only the latest wanted
// input waits (a burst of snapshots costs one more plan, not one per snapshot). The host serves calls in order,
// so the last input sent is what its forks compare against.
import type { PlanInput } from "@/lib/plan/input";
import type { PlanResult } from "@/lib/plan/plan";
import type { PlannerHost } from "./types";

export type PlanJob = { inputKey: string; input: PlanInput };
/** `ms`: from sending the input to the answer (queueing in the host included). */
export type PlanOutcome = ({ ok: true; plan: PlanResult } | { ok: false; message: string }) & { ms: number };

export type PlanPump = {
  /** Plans `job` after the one in flight (replacing any other waiting job); nothing when it is the one in flight. */
  want(job: PlanJob): void;
  /** Forgets the waiting job (the current input was planned already, or cannot be planned). */
  drop(): void;
  /** A plan is in flight or waiting. */
  busy(): boolean;
  /** The last job handed to the host. */
  lastSent(): PlanJob | undefined;
  stop(): void;
};

export function createPlanPump(host: PlannerHost, onPlanned: (job: PlanJob, outcome: PlanOutcome) => void): PlanPump {
  let inFlight: PlanJob | undefined;
  let waiting: PlanJob | undefined;
  let sent: PlanJob | undefined;
  let stopped = false;

  function start(job: PlanJob): void {
    inFlight = sent = job;
    const started = performance.now();
    const ms = () => performance.now() - started;
    host.plan(job.input).then(
      (plan): PlanOutcome => ({ ok: true, plan, ms: ms() }),
      (err: unknown): PlanOutcome => ({ ok: false, message: `planning failed (${err instanceof Error ? err.message : String(err)})`, ms: ms() }),
    ).then((outcome) => {
      inFlight = undefined;
      if (stopped) return;
      const next = waiting;
      waiting = undefined;
      // The next plan starts before the model hears of this one, so it knows its state is not current yet.
      if (next) start(next);
      onPlanned(job, outcome);
    }, () => undefined);
  }

  return {
    want(job) {
      if (stopped) return;
      if (inFlight?.inputKey === job.inputKey) waiting = undefined;
      else if (inFlight) waiting = job;
      else start(job);
    },
    drop: () => {
      waiting = undefined;
    },
    busy: () => inFlight !== undefined || waiting !== undefined,
    lastSent: () => sent,
    stop: () => {
      stopped = true;
      waiting = undefined;
    },
  };
}

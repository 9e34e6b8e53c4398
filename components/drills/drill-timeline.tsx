import type { DrillPhase, DrillStatus } from "@/lib/drills/schema";
import { RelativeTime } from "../relative-time";
import { PHASE_TONE, PHASE_WORDS } from "./drill-words";
import { timelineSteps, type StepState, type TimelineStep } from "./timeline-steps";

const DOT: Readonly<Record<StepState, string>> = {
  done: "bg-indigo-600 ring-indigo-600",
  current: "bg-white ring-indigo-600 animate-pulse",
  upcoming: "bg-white ring-slate-300",
  skipped: "bg-slate-200 ring-slate-300",
};
const FINAL_DOT: Readonly<Record<string, string>> = { good: "bg-emerald-600 ring-emerald-600", bad: "bg-rose-600 ring-rose-600", warn: "bg-amber-500 ring-amber-500" };
const STATE_WORDS: Readonly<Record<StepState, string>> = { done: "done", current: "now", upcoming: "to come", skipped: "not reached" };

function dotOf(step: TimelineStep, last: boolean): string {
  if (last && step.phase !== "Finished" && step.state === "done") return FINAL_DOT[PHASE_TONE[step.phase]] ?? DOT.done;
  return DOT[step.state];
}

function Step({ step, last }: { step: TimelineStep; last: boolean }) {
  const muted = step.state === "upcoming" || step.state === "skipped";
  const words = step.phase === "Finished" ? "Succeeded, Failed or Aborted" : PHASE_WORDS[step.phase as DrillPhase];
  return (
    <li aria-current={step.state === "current" ? "step" : undefined} className="relative flex gap-3 pb-4 last:pb-0">
      {!last && <span aria-hidden="true" className="absolute top-4 left-[7px] h-full w-px bg-slate-200" />}
      <span aria-hidden="true" className={`relative mt-1 size-3.5 shrink-0 rounded-full ring-2 ${dotOf(step, last)}`} />
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
          <span className={`font-semibold ${muted ? "text-slate-500" : "text-slate-900"}`}>{step.phase}</span>
          <span className="sr-only"> ({STATE_WORDS[step.state]})</span>
          {step.at && (
            <span className="text-xs text-slate-500">
              <RelativeTime iso={step.at} display="clock" />
            </span>
          )}
          {step.state === "skipped" && <span className="text-xs text-slate-500">not reached</span>}
        </p>
        <p className="text-xs text-slate-600">{step.message ?? words}</p>
      </div>
    </li>
  );
}

/** The drill's phases as a vertical timeline: what happened when, where it is now, and what is still to come. */
export function DrillTimeline({ phase, status, createdAt }: { phase: DrillPhase; status: Pick<DrillStatus, "timeline">; createdAt?: string | undefined }) {
  const steps = timelineSteps(phase, status.timeline, createdAt);
  return (
    <ol aria-label="Drill timeline" className="space-y-0">
      {steps.map((step, i) => (
        <Step key={step.phase} step={step} last={i === steps.length - 1} />
      ))}
    </ol>
  );
}

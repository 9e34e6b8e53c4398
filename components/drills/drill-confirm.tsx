"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { drillDurationSeconds } from "@/lib/drills/duration";
import { DEFAULT_DRILL_DURATION, DRILL_FAULTS, MAX_DRILL_DURATION_SECONDS, type DrillFault } from "@/lib/drills/schema";
import type { DrillRef } from "@/server/drills/types";
import { formatSeconds } from "@/lib/drills/duration";
import { errorsFor, fieldErrorsOf } from "@/lib/workspace-view/field-errors";
import { useTRPC } from "../trpc";
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from "../workspace/dialog-shell";
import { ErrorAlert } from "../workspace/error-alert";
import { FieldMessage } from "../workspace/field-message";
import { DrillPlanView, RefusalAlert } from "./drill-plan-view";
import { retryServerErrors } from "./use-drills-live";
import type { DrillTarget } from "./run-drill-dialog";

const INPUT =
  "mt-1 block w-32 rounded-md border-0 px-3 py-1.5 font-mono text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-500 aria-[invalid=true]:ring-rose-400";
const FAULT_WORDS: Readonly<Record<DrillFault, string>> = {
  ScaleToZero: "Scale to zero: every local Deployment behind the Service goes to 0 replicas",
  FailRequests: "Fail requests: local pods answer 503 (where the cluster can inject it)",
};
/** The stop condition the console asks for (the CRD's default). */
const STOP = { errorRateAbove: 0.5, forSeconds: 10 };
const TYPING_MS = 300;

/** The duration as typed, once typing paused; the plan is asked again for each settled value. */
function useSettled(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), TYPING_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

/** The drill's form (fault, max duration) and what it will do; Start only when the plan says it can run. */
export function DrillConfirm({ target, onStarted, onCancel }: { target: DrillTarget; onStarted: (ref: DrillRef) => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const [fault, setFault] = useState<DrillFault>("ScaleToZero");
  const [duration, setDuration] = useState(DEFAULT_DRILL_DURATION);
  const settled = useSettled(duration.trim());
  const local = drillDurationSeconds(settled);
  const input = { ...target, fault, maxDuration: settled, stopCondition: STOP };
  const plan = useQuery(trpc.drills.plan.queryOptions(input, { enabled: local.ok, retry: retryServerErrors, staleTime: 0, gcTime: 0 }));
  const start = useMutation(trpc.drills.start.mutationOptions());
  const starting = useRef(false);
  const durationErrors = local.ok ? errorsFor(fieldErrorsOf(plan.error ?? start.error), "maxDuration") : [{ field: "maxDuration", message: local.message }];
  const ready = local.ok && settled === duration.trim() && plan.data?.ok === true && !plan.isFetching;
  const confirm = () => {
    if (starting.current || !ready) return;
    starting.current = true;
    start.mutate(input, { onSuccess: onStarted, onSettled: () => (starting.current = false) });
  };
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap gap-6">
        <fieldset>
          <legend className="text-sm font-semibold text-slate-900">Fault</legend>
          {DRILL_FAULTS.map((f) => (
            <label key={f} className="mt-1 flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" name="drill-fault" value={f} checked={fault === f} onChange={() => setFault(f)} className="size-4 accent-indigo-600" />
              {FAULT_WORDS[f]}
            </label>
          ))}
        </fieldset>
        <div>
          <label htmlFor="drill-duration" className="text-sm font-semibold text-slate-900">
            Maximum duration
          </label>
          <input
            id="drill-duration"
            className={INPUT}
            value={duration}
            maxLength={32}
            spellCheck={false}
            aria-invalid={durationErrors.length > 0}
            aria-describedby={durationErrors.length ? "drill-duration-hint drill-duration-error" : "drill-duration-hint"}
            onChange={(e) => setDuration(e.target.value)}
          />
          <p id="drill-duration-hint" className="mt-1 text-xs text-slate-500">
            A duration such as 90s or 2m; at most {formatSeconds(MAX_DRILL_DURATION_SECONDS)}.
          </p>
          <FieldMessage id="drill-duration-error" errors={durationErrors} />
        </div>
      </div>
      <section aria-label="What the drill will do" aria-busy={plan.isFetching} className="min-h-24">
        {!local.ok ? null : plan.data?.ok === true ? (
          <DrillPlanView plan={plan.data} fault={fault} cluster={target.cluster} stop={STOP} />
        ) : plan.data?.ok === false ? (
          <RefusalAlert refusal={plan.data.refusal} />
        ) : plan.error ? (
          durationErrors.length === 0 && <ErrorAlert title="Could not work out what the drill would do" error={plan.error} />
        ) : (
          <p role="status" className="text-sm text-slate-600">
            Checking {target.service} in {target.cluster}: opt-in, local workload, failover target, gateways…
          </p>
        )}
      </section>
      {start.error && errorsFor(fieldErrorsOf(start.error), "maxDuration").length === 0 && <ErrorAlert title="The drill was not started" error={start.error} />}
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
        <button type="button" className={SECONDARY_BUTTON} onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className={PRIMARY_BUTTON} onClick={confirm} disabled={!ready || start.isPending}>
          {start.isPending ? "Starting…" : "Start drill"}
        </button>
      </div>
    </div>
  );
}

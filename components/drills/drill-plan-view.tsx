import { formatSeconds } from "@/lib/drills/duration";
import type { DrillFault, StopCondition } from "@/lib/drills/schema";
import type { DrillPlan, DrillRefusal } from "@/server/drills/types";
import { ErrorAlert } from "../workspace/error-alert";

type OkPlan = Extract<DrillPlan, { ok: true }>;
const SECTION = "rounded-lg px-3 py-2.5 text-sm ring-1";
const TERM = "text-xs font-semibold tracking-wide text-slate-500 uppercase";

/** A refusal, plainly: what is wrong and which part of the request it is about. */
export function RefusalAlert({ refusal, title = "This drill cannot run" }: { refusal: DrillRefusal; title?: string }) {
  return (
    <ErrorAlert title={title}>
      <p className="mt-0.5 text-rose-800">{refusal.message}</p>
      <p className="mt-1 text-xs text-rose-800">
        Reason: {refusal.code}
        {refusal.field ? ` (about the ${refusal.field})` : ""}. Nothing was changed.
      </p>
    </ErrorAlert>
  );
}

function WhatChanges({ plan, fault, cluster }: { plan: OkPlan; fault: DrillFault; cluster: string }) {
  if (fault === "FailRequests") {
    return (
      <ul aria-label="What the fault changes" className="mt-1 list-disc pl-5">
        {plan.pods.map((p) => (
          <li key={p}>
            Pod <span className="font-mono">{p}</span> in {cluster} answers every request with 503
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul aria-label="What the fault changes" className="mt-1 list-disc pl-5">
      {plan.deployments.map((d) => (
        <li key={d.name}>
          <span className="font-mono">{d.name}</span>: {d.replicas} → 0 replicas in {cluster}
        </li>
      ))}
    </ul>
  );
}

/** The confirmation's body: what will be scaled where, for how long, the stop condition, where traffic goes, the checks. */
export function DrillPlanView({ plan, fault, cluster, stop }: { plan: OkPlan; fault: DrillFault; cluster: string; stop: StopCondition }) {
  return (
    <div className="space-y-3">
      {plan.crd === "missing-will-install" && (
        <p className={`${SECTION} bg-sky-50 text-sky-900 ring-sky-200`}>
          The FailoverDrill type is not installed in {cluster}: the console will apply <span className="font-mono">deploy/crds/failoverdrills.eastwest.dev.yaml</span> first.
        </p>
      )}
      <div className={`${SECTION} bg-amber-50 text-amber-900 ring-amber-200`}>
        <p className="font-semibold">{fault === "ScaleToZero" ? "What will be scaled" : "Which pods will fail"}</p>
        <WhatChanges plan={plan} fault={fault} cluster={cluster} />
      </div>
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className={TERM}>For at most</dt>
        <dd className="text-slate-900">{formatSeconds(plan.maxDurationSeconds)}; then the fault is undone, whatever else happens (even with no browser open).</dd>
        <dt className={TERM}>Stop condition</dt>
        <dd className="text-slate-900">
          More than {Math.round(stop.errorRateAbove * 100)}% of probe requests failing for longer than {stop.forSeconds} s aborts the drill and restores at once.
        </dd>
        <dt className={TERM}>Traffic</dt>
        <dd className="text-slate-900">
          {plan.traffic}
          <ul aria-label="Where traffic goes during the fault" className="mt-1 space-y-0.5 text-xs text-slate-600">
            {plan.remotes.map((r) => (
              <li key={`${r.cluster}/${r.gateway}`}>
                {r.ready ? "✓" : "✕"} {r.cluster} through {r.gateway} ({r.ready ? "ready" : "not ready"})
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <div>
        <p className={TERM}>Checks before the fault</p>
        <ul aria-label="Checks" className="mt-1 space-y-0.5 text-sm">
          {plan.checks.map((c) => (
            <li key={c.name} className={c.ok ? "text-slate-800" : "font-semibold text-rose-700"}>
              <span aria-hidden="true">{c.ok ? "✓ " : "✕ "}</span>
              <span className="sr-only">{c.ok ? "Passes: " : "Fails: "}</span>
              {c.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

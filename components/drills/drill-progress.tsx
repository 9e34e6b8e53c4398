"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId } from "react";
import type { DrillDetail, DrillRef } from "@/server/drills/types";
import { useAbilities } from "../auth/abilities-provider";
import { gateProps, REFUSED_LOOK } from "../auth/gate-props";
import { useTRPC } from "../trpc";
import { DANGER_BUTTON } from "../workspace/dialog-shell";
import { ErrorAlert } from "../workspace/error-alert";
import { StatusPill } from "../workspace/status-pill";
import { DrillTimeline } from "./drill-timeline";
import { drillHref, PHASE_TONE, VERDICT_TONE } from "./drill-words";
import { retryServerErrors, useDrillsLive } from "./use-drills-live";

const isNotFound = (error: unknown) => (error as { data?: { code?: string } } | null)?.data?.code === "NOT_FOUND";

/**
 * Abort, while the drill runs: sets spec.abort, and the runner restores at once. It needs the app-owner role for
 * the drill's namespace: without it the button is refused and says why.
 */
export function AbortButton({ drill }: { drill: DrillDetail }) {
  const trpc = useTRPC();
  const abort = useMutation(trpc.drills.abort.mutationOptions());
  const reasonId = useId();
  const scope = { kind: "namespace" as const, cluster: drill.ref.cluster, namespace: drill.ref.namespace };
  const ability = useAbilities().can({ role: "app-owner", action: "aborting a failover drill", scope });
  const asked = abort.isSuccess || drill.spec.abort;
  return (
    <div className="space-y-2">
      <button type="button" className={`${DANGER_BUTTON} ${REFUSED_LOOK}`} disabled={asked || abort.isPending} {...gateProps(ability, reasonId, () => abort.mutate(drill.ref))}>
        {asked ? "Abort requested: restoring…" : abort.isPending ? "Aborting…" : "Abort drill"}
      </button>
      {!ability.allowed && !asked && (
        <p id={reasonId} className={ability.pending ? "sr-only" : "text-xs text-slate-600"}>
          {ability.reason}
        </p>
      )}
      {abort.error && <ErrorAlert title="The drill was not aborted" error={abort.error} />}
    </div>
  );
}

/** What the undo record says about the restore, for a drill that is over. */
export function restoreWords(drill: DrillDetail): string {
  const undo = drill.status.undo;
  if (!undo || (undo.deployments.length === 0 && undo.pods.length === 0)) return "No fault was injected: nothing was changed.";
  return undo.restored ? "Everything the fault changed has been restored." : "The restore is not confirmed yet: see the report's conditions.";
}

/** Where the drill is now, in words: its phase, then the verdict and reason once it is over. */
export function DrillOutcome({ drill }: { drill: DrillDetail }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <StatusPill tone={PHASE_TONE[drill.phase]}>{drill.phase}</StatusPill>
      {drill.verdict && <StatusPill tone={VERDICT_TONE[drill.verdict]}>Verdict: {drill.verdict}</StatusPill>}
      {drill.reason && <p className="text-sm text-slate-700">{drill.reason}</p>}
    </div>
  );
}

/** A started drill, live: its phase and timeline, Abort while it runs, and its report once it has one. */
export function DrillProgress({ drill: ref }: { drill: DrillRef }) {
  const trpc = useTRPC();
  useDrillsLive();
  // The runner answers from the fleet's cache, which hears of a just-created drill a moment after start returns: a
  // 404 then means "not seen yet", asked again (and again on each change) for ten seconds before it is an error.
  const query = useQuery(trpc.drills.get.queryOptions(ref, { retry: (count, error) => (isNotFound(error) ? count < 20 : retryServerErrors(count, error)), retryDelay: 500 }));
  const drill = query.data;
  if (!drill) {
    return query.error ? (
      <ErrorAlert title="The drill cannot be shown" error={query.error} />
    ) : (
      <p role="status" className="text-sm text-slate-600">
        Drill {ref.name} created in {ref.namespace} on {ref.cluster}; waiting for the runner…
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <div role="status" aria-live="polite" aria-label="Drill phase">
        <DrillOutcome drill={drill} />
      </div>
      <DrillTimeline phase={drill.phase} status={drill.status} createdAt={drill.createdAt} />
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-4">
        {drill.running ? <AbortButton drill={drill} /> : <span className="text-sm text-slate-600">The drill is over. {restoreWords(drill)}</span>}
        <Link href={drillHref(ref)} className="text-sm font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500">
          {drill.running ? "Follow it on its report page" : "Open the report"}
        </Link>
      </div>
    </div>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatSeconds, parseGoDuration } from "@/lib/drills/duration";
import type { DrillDetail, DrillRef } from "@/server/drills/types";
import { AppHeader } from "../app-header";
import { DrillActors } from "../audit/drill-actors";
import { Breadcrumbs } from "../nav/breadcrumbs";
import { RelativeTime } from "../relative-time";
import { useTRPC } from "../trpc";
import { WarningPanel } from "../warning-panel";
import { errorSentence } from "@/lib/workspace-view/field-errors";
import { ErrorAlert } from "../workspace/error-alert";
import { DrillConditions, DrillFigures, DrillUndo } from "./drill-figures";
import { AbortButton, DrillOutcome } from "./drill-progress";
import { DrillTimeline } from "./drill-timeline";
import { DrillExport } from "./drill-export";
import { ServedByChart } from "./served-by-chart";
import { retryServerErrors, useDrillsLive } from "./use-drills-live";

const CARD = "rounded-xl border border-slate-200 bg-white p-5 shadow-sm";
const H2 = "mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase";

function Subtitle({ drill }: { drill: DrillDetail }) {
  const max = parseGoDuration(drill.spec.maxDuration);
  return (
    <p className="mt-1 text-sm text-slate-600">
      {drill.service} in {drill.ref.namespace} on {drill.ref.cluster} · {drill.fault === "ScaleToZero" ? "scale to zero" : "fail requests"} · at most {max.ok ? formatSeconds(max.seconds) : drill.spec.maxDuration}
      {drill.createdAt && (
        <>
          {" "}
          · created <RelativeTime iso={drill.createdAt} />
        </>
      )}
    </p>
  );
}

function Report({ drill }: { drill: DrillDetail }) {
  const { servedBy, prometheusServedBy } = drill.status;
  return (
    <>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight break-all text-slate-900">Drill {drill.ref.name}</h1>
          <Subtitle drill={drill} />
          <DrillActors drill={drill.ref} phase={drill.phase} />
        </div>
        {drill.running ? <AbortButton drill={drill} /> : <DrillExport drill={drill} />}
      </div>
      <div role="status" aria-live="polite" aria-label="Drill phase" className="mb-6">
        <DrillOutcome drill={drill} />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <section aria-labelledby="timeline-title" className={CARD}>
          <h2 id="timeline-title" className={H2}>
            Timeline
          </h2>
          <DrillTimeline phase={drill.phase} status={drill.status} createdAt={drill.createdAt} />
        </section>
        <div className="space-y-6">
          <DrillFigures drill={drill} />
          <section aria-labelledby="served-title" className={CARD}>
            <h2 id="served-title" className={H2}>
              Served by
            </h2>
            <ServedByChart windows={servedBy ?? {}} drilled={drill.ref.cluster} caption={`Which cluster answered the probe's requests from inside ${drill.ref.cluster}`} />
            {prometheusServedBy && (
              <div className="mt-4">
                <ServedByChart
                  windows={prometheusServedBy}
                  drilled={drill.ref.cluster}
                  caption="The same windows from Prometheus (istio_requests_total)"
                  empty="Prometheus: no istio_requests_total samples of the probe in these windows (its scrape interval may be longer than the drill)."
                />
              </div>
            )}
          </section>
        </div>
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <DrillConditions drill={drill} />
        <DrillUndo drill={drill} />
      </div>
    </>
  );
}

/** One drill's report, live while it runs. */
export function DrillReportView({ drill: ref }: { drill: DrillRef }) {
  const live = useDrillsLive();
  const trpc = useTRPC();
  const query = useQuery(trpc.drills.get.queryOptions(ref, { retry: retryServerErrors }));
  const notFound = (query.error as { data?: { code?: string } } | null)?.data?.code === "NOT_FOUND";
  return (
    <>
      <AppHeader live={live} />
      <main className="mx-auto max-w-6xl px-6 py-8">
        <Breadcrumbs trail={[{ label: "Overview", href: "/" }, { label: "Drills", href: "/drills" }, { label: ref.name }]} />
        {query.data ? (
          <>
            {query.error && <ErrorAlert title="Showing the last loaded state: the latest refresh failed" error={query.error} />}
            <Report drill={query.data} />
          </>
        ) : query.error ? (
          <WarningPanel id="drill-missing" heading="h1" alert title={notFound ? `No drill ${ref.name} in ${ref.namespace} on ${ref.cluster}` : `Drill ${ref.name} could not be loaded`}>
            <p className="mt-1 text-sm text-slate-700">{errorSentence(query.error)}</p>
            <Link href="/drills" className="mt-4 inline-block text-sm font-medium text-indigo-700 hover:underline">
              Back to the drills
            </Link>
          </WarningPanel>
        ) : (
          <div role="status" aria-busy="true">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Drill {ref.name}</h1>
            <p className="mt-2 text-sm text-slate-600">Loading the drill…</p>
          </div>
        )}
      </main>
    </>
  );
}

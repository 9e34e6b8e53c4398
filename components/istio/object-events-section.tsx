"use client";

import { useQuery } from "@tanstack/react-query";
import type { ObjectRef } from "@/server/objects/types";
import { RelativeTime } from "../relative-time";
import { useTRPC } from "../trpc";
import { ErrorAlert } from "../workspace/error-alert";
import { StatusPill } from "../workspace/status-pill";
import { retryServerErrors } from "./use-object-filters";

/** Events are read from the cluster (not the cache) on each fetch: refreshed, but gently. */
const EVENTS_POLL_MS = 15_000;

const HEADING = "mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase";

/** The object's recent Events, newest first, read from its cluster now; a cluster that cannot be asked says why. */
export function ObjectEventsSection({ objectRef }: { objectRef: ObjectRef }) {
  const trpc = useTRPC();
  const events = useQuery(trpc.objects.events.queryOptions(objectRef, { refetchInterval: EVENTS_POLL_MS, retry: retryServerErrors }));
  const result = events.data;
  return (
    <section aria-labelledby="object-events" aria-busy={events.isFetching}>
      <h2 id="object-events" className={HEADING}>
        Events
      </h2>
      {!result ? (
        events.error ? (
          <ErrorAlert title="The Events could not be read" error={events.error} />
        ) : (
          <p role="status" className="text-sm text-slate-600">
            Reading Events from {objectRef.cluster}…
          </p>
        )
      ) : !result.ok ? (
        <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <span className="font-semibold">{result.reason === "forbidden" ? `${result.cluster} did not allow reading its Events.` : `${result.cluster} could not be asked for Events.`}</span> {result.error.message}
        </p>
      ) : result.events.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-3 py-3 text-sm text-slate-600">No recent Events for this object. Kubernetes keeps Events for about an hour.</p>
      ) : (
        <>
          <ol aria-label={`Events of ${objectRef.kind} ${objectRef.name}, newest first`} className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm">
            {result.events.map((e, i) => (
              <li key={`${i}-${e.reason}-${e.lastSeen ?? ""}`} className="px-3 py-2 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <StatusPill tone={e.type === "Warning" ? "warn" : "neutral"}>{e.type || "Event"}</StatusPill>
                  <span className="font-semibold text-slate-800">{e.reason || "(no reason)"}</span>
                  {e.count > 1 && <span className="text-xs text-slate-500">×{e.count}</span>}
                  <span className="ml-auto text-xs text-slate-500">{e.lastSeen ? <RelativeTime iso={e.lastSeen} /> : "time unknown"}</span>
                </div>
                {e.message && <p className="mt-0.5 break-words text-slate-700">{e.message}</p>}
                {e.source && <p className="mt-0.5 text-xs text-slate-500">from {e.source}</p>}
              </li>
            ))}
          </ol>
          {result.more && <p className="mt-1 text-xs text-slate-500">The {result.events.length} newest are shown; {result.cluster} holds more.</p>}
        </>
      )}
    </section>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { RelativeTime } from "../../relative-time";
import { useTRPC } from "../../trpc";
import { ErrorAlert } from "../../workspace/error-alert";
import { StatusPill } from "../../workspace/status-pill";
import { retryServerErrors, type ShownObject } from "./inspect-types";

type EventsRef = { cluster: string; kind: "Service" | "Deployment" | "Pod" | "IngressGateway" | "ServiceEntry" | "WorkloadEntry" | "DestinationRule" | "Gateway"; namespace: string; name: string };

/** Read from the cluster (Events are not cached), only once a person opens the object. */
export function ObjectEvents({ object }: { object: ShownObject }) {
  const trpc = useTRPC();
  const ref = { cluster: object.cluster, kind: object.kind as EventsRef["kind"], namespace: object.namespace ?? "", name: object.name };
  const events = useQuery(trpc.inspect.events.queryOptions(ref, { retry: retryServerErrors, staleTime: 15_000 }));
  const result = events.data;
  if (!result) {
    return events.error ? (
      <ErrorAlert title="The Events could not be read" error={events.error} />
    ) : (
      <p role="status" className="text-xs text-slate-600">
        Reading Events from {object.cluster}…
      </p>
    );
  }
  if (!result.ok) return <p className="text-xs text-amber-800">{result.reason === "forbidden" ? `${result.cluster} did not allow reading its Events.` : `${result.cluster} could not be asked for Events.`} {result.error.message}</p>;
  if (result.events.length === 0) return <p className="text-xs text-slate-600">No recent Events (Kubernetes keeps them for about an hour).</p>;
  return (
    <ol aria-label={`Events of ${object.kind} ${object.name}, newest first`} className="space-y-1.5">
      {result.events.map((e, i) => (
        <li key={`${i}-${e.reason}-${e.lastSeen ?? ""}`} className="text-xs">
          <span className="flex flex-wrap items-center gap-2">
            <StatusPill tone={e.type === "Warning" ? "warn" : "neutral"}>{e.type || "Event"}</StatusPill>
            <span className="font-semibold text-slate-800">{e.reason || "(no reason)"}</span>
            {e.count > 1 && <span className="text-slate-500">×{e.count}</span>}
            <span className="ml-auto text-slate-500">{e.lastSeen ? <RelativeTime iso={e.lastSeen} /> : "time unknown"}</span>
          </span>
          {e.message && <span className="mt-0.5 block break-words text-slate-700">{e.message}</span>}
        </li>
      ))}
    </ol>
  );
}

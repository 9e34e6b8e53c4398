"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { unnamedLabel } from "@/lib/workspace-view/exposure-count";
import type { WorkspaceSummary } from "@/lib/workspace-view/types";
import { ErrorAlert } from "./error-alert";
import { StatusPill } from "./status-pill";
import { useTRPC } from "../trpc";

/** The overview's workspaces: one row each, linking to its page. Refetched on fleet events (useFleetLive). */
export function WorkspaceList() {
  const trpc = useTRPC();
  const { data, error } = useQuery(trpc.workspace.list.queryOptions());
  return (
    <section aria-labelledby="workspaces-title" className="mb-8">
      <h2 id="workspaces-title" className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase">
        Workspaces
      </h2>
      {error && !data ? (
        <ErrorAlert title="Workspaces could not be loaded" error={error} />
      ) : !data ? (
        <div role="status" aria-busy="true" className="h-16 animate-pulse rounded-xl border border-slate-200 bg-white">
          <span className="sr-only">Loading workspaces…</span>
        </div>
      ) : data.length === 0 ? (
        <EmptyWorkspaces />
      ) : (
        <ul aria-label="Workspaces" className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
          {data.map((ws) => (
            <li key={`${ws.namespace ?? ""}/${ws.name}`}>
              <WorkspaceRow ws={ws} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function WorkspaceRow({ ws }: { ws: WorkspaceSummary }) {
  // The planner's count of exposed services, never the raw list length; entries naming no service are flagged.
  const exposure = ws.exposure.mode === "all" ? "Exposes every service" : `Exposes ${ws.exposedCount} chosen service${ws.exposedCount === 1 ? "" : "s"}`;
  const unnamed = unnamedLabel({ unnamed: ws.unnamedExposedEntries });
  const unknown = ws.unsyncedClusters;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 px-5 py-3.5">
      <div className="min-w-0">
        <Link href={`/workspaces/${encodeURIComponent(ws.name)}`} className="text-base font-semibold text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500">
          {ws.name}
        </Link>
        <p className="mt-0.5 text-xs text-slate-500">
          {ws.clusters.length} cluster{ws.clusters.length === 1 ? "" : "s"} ({ws.clusters.join(", ") || "none"}) · namespaces{" "}
          {ws.namespaces.join(", ") || (unknown.length > 0 ? "none seen yet" : "none")} · {exposure}
          {unnamed && <span className="text-amber-700"> · {unnamed}</span>}
        </p>
        {unknown.length > 0 && (
          <p className="mt-0.5 text-xs font-medium text-rose-700">
            {unknown.join(", ")} not yet synced since the console started: what {unknown.length === 1 ? "it holds" : "they hold"} is unknown
          </p>
        )}
      </div>
      <div className="flex items-center gap-2">
        <StatusPill tone={ws.gatewaysReady === ws.clusters.length && ws.clusters.length > 0 ? "good" : "warn"}>
          Gateways {ws.gatewaysReady}/{ws.clusters.length} ready{unknown.length > 0 ? ` · ${unknown.length} unknown` : ""}
        </StatusPill>
        {ws.ready ? (
          <StatusPill tone="good">HA ready</StatusPill>
        ) : (
          <StatusPill tone="bad">
            {ws.failingChecks} HA check{ws.failingChecks === 1 ? "" : "s"} failing
          </StatusPill>
        )}
      </div>
    </div>
  );
}

function EmptyWorkspaces() {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-6 text-sm text-slate-600">
      <p className="font-semibold text-slate-900">No workspaces on the management cluster</p>
      <p className="mt-1">
        A Workspace (<code className="font-mono text-[13px]">tsb.tetrate.io/v2</code>) groups namespaces across clusters; create one with{" "}
        <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[13px]">kubectl apply</code> and it appears here.
      </p>
    </div>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import type { FleetView } from "@/lib/fleet-schema";
import { AppHeader } from "./app-header";
import { ClusterCard } from "./cluster-card";
import { FleetSkeleton } from "./fleet-skeleton";
import { ConfigErrorState, EmptyFleetState } from "./fleet-states";
import { useTRPC } from "./trpc";
import { useFleetLive } from "./use-fleet-live";
import { WorkspaceList } from "./workspace/workspace-list";

/** The fleet overview: one card per cluster, kept current by the live stream. */
export function FleetOverview() {
  const trpc = useTRPC();
  const live = useFleetLive();
  const { data, error } = useQuery(trpc.fleet.clusters.queryOptions());
  return (
    <>
      <AppHeader live={live} />
      <main className="mx-auto max-w-6xl px-6 py-8">
        <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Fleet overview</h1>
            <p className="mt-1 text-sm text-slate-600">Every cluster of the kubeconfig: reachability, sync state and mesh objects, live.</p>
          </div>
          {data && <FleetSummary view={data} />}
        </div>
        <WorkspaceList />
        {error && !data ? (
          <p role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-sm text-rose-900">
            The console server did not answer: {error.message}
          </p>
        ) : (
          <FleetBody view={data} />
        )}
      </main>
    </>
  );
}

function FleetBody({ view }: { view: FleetView | undefined }) {
  if (!view) return <FleetSkeleton />;
  if (view.kind === "config-error") return <ConfigErrorState error={view.error} />;
  if (view.clusters.length === 0) return <EmptyFleetState sources={view.sources} />;
  return (
    <ul aria-label="Clusters" className="grid gap-5 md:grid-cols-2 xl:grid-cols-3">
      {view.clusters.map((status) => (
        <li key={status.cluster}>
          <ClusterCard status={status} />
        </li>
      ))}
    </ul>
  );
}

function FleetSummary({ view }: { view: FleetView }) {
  if (view.kind !== "ready" || view.clusters.length === 0) return null;
  const reachable = view.clusters.filter((c) => c.ok).length;
  const unreachable = view.clusters.length - reachable;
  const stale = view.clusters.filter((c) => c.sync.state === "stale").length;
  return (
    <dl className="flex gap-2 text-sm" aria-label="Fleet summary">
      <SummaryItem label="Clusters" value={view.clusters.length} tone="text-slate-900" />
      <SummaryItem label="Reachable" value={reachable} tone="text-emerald-700" />
      <SummaryItem label="Unreachable" value={unreachable} tone={unreachable > 0 ? "text-rose-700" : "text-slate-400"} />
      <SummaryItem label="Stale" value={stale} tone={stale > 0 ? "text-rose-700" : "text-slate-400"} />
    </dl>
  );
}

function SummaryItem({ label, value, tone }: { label: string; value: number; tone: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-1.5 shadow-sm">
      <dt className="text-[11px] font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className={`text-lg leading-tight font-semibold tabular-nums ${tone}`}>{value}</dd>
    </div>
  );
}

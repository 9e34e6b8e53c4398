"use client";

import { useQuery } from "@tanstack/react-query";
import type { FleetView } from "@/lib/fleet-schema";
import { AppHeader } from "./app-header";
import { FleetSkeleton } from "./fleet-skeleton";
import { FleetClusters } from "./overview/fleet-clusters";
import { ConfigErrorState, EmptyFleetState } from "./fleet-states";
import { useTRPC } from "./trpc";
import { useFleetLive } from "./use-fleet-live";
import { WorkspaceList } from "./workspace/workspace-list";

/** The fleet overview: its workspaces, then its clusters (filtered, sorted, as cards or a table), kept current by the live stream. */
export function FleetOverview() {
  const trpc = useTRPC();
  const live = useFleetLive();
  const { data, error } = useQuery(trpc.fleet.clusters.queryOptions());
  return (
    <>
      <AppHeader live={live} />
      <main className="mx-auto max-w-6xl px-6 py-8">
        <div className="mb-6">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Fleet overview</h1>
          <p className="mt-1 text-sm text-slate-600">Every cluster of the kubeconfig: reachability, sync state and mesh objects, live.</p>
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
  return <FleetClusters clusters={view.clusters} />;
}

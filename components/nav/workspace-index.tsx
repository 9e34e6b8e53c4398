"use client";

import { useQuery } from "@tanstack/react-query";
import { AppHeader } from "../app-header";
import { ConfigErrorState, EmptyFleetState } from "../fleet-states";
import { useTRPC } from "../trpc";
import { useFleetLive } from "../use-fleet-live";
import { WorkspaceList } from "../workspace/workspace-list";
import { Breadcrumbs } from "./breadcrumbs";
import { managementState } from "./management-state";
import { ManagementNote, NoWorkspaces } from "./workspace-index-notes";

/**
 * Every workspace of the management cluster: the overview's list (same query, same rows, same loading and error
 * states), kept live by the fleet stream, with what the overview says when the kubeconfig or the management
 * cluster is the problem, and a deliberate empty state when that cluster is synced and has none.
 */
export function WorkspaceIndex() {
  const trpc = useTRPC();
  const live = useFleetLive();
  const fleet = useQuery(trpc.fleet.clusters.queryOptions());
  const list = useQuery(trpc.workspace.list.queryOptions());
  const management = managementState(fleet.data);
  return (
    <>
      <AppHeader live={live} />
      <main className="mx-auto max-w-6xl px-6 py-8">
        <Breadcrumbs trail={[{ label: "Overview", href: "/" }, { label: "Workspaces" }]} />
        <div className="mb-6">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Workspaces</h1>
          <p className="mt-1 text-sm text-slate-600">
            {management.kind === "synced" || management.kind === "stale" || management.kind === "never-synced"
              ? `The Workspaces of the management cluster, ${management.cluster}: their clusters, gateways and HA readiness, live.`
              : "The Workspaces of the management cluster: their clusters, gateways and HA readiness, live."}
          </p>
        </div>
        {fleet.error && !fleet.data && (
          <p role="alert" className="mb-6 rounded-lg border border-rose-200 bg-rose-50 p-4 text-sm text-rose-900">
            The console server did not answer: {fleet.error.message}
          </p>
        )}
        {fleet.data?.kind === "config-error" ? (
          <ConfigErrorState error={fleet.data.error} />
        ) : fleet.data?.kind === "ready" && management.kind === "no-clusters" ? (
          <EmptyFleetState sources={fleet.data.sources} />
        ) : (
          <>
            <ManagementNote state={management} />
            {management.kind === "synced" && list.data?.length === 0 ? <NoWorkspaces cluster={management.cluster} /> : <WorkspaceList />}
          </>
        )}
      </main>
    </>
  );
}

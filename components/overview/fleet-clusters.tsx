"use client";

import { useMemo } from "react";
import type { ClusterStatus } from "@/lib/fleet-schema";
import { ClusterCard } from "../cluster-card";
import { ClusterTable } from "./cluster-table";
import { statusCounts, STATUS_WORDS, viewFor, visibleClusters } from "./overview-state";
import { useFailoverCounts } from "./use-failover-counts";
import { OverviewToolbar } from "./overview-toolbar";
import { StatusTiles } from "./status-tiles";
import { useOverviewState } from "./use-overview-state";

/**
 * The fleet's clusters as the URL asks: the status tiles (which filter), the sort and the view, then the clusters
 * as cards or as the dense table. Filtering and sorting are linear in the clusters and redone only when the
 * fleet or the URL changes.
 */
export function FleetClusters({ clusters }: { clusters: readonly ClusterStatus[] }) {
  const [state, update] = useOverviewState();
  const counts = useMemo(() => statusCounts(clusters), [clusters]);
  const shown = useMemo(() => visibleClusters(clusters, state), [clusters, state]);
  // The live stream replaces `clusters` when the fleet moves: the failover counts follow it.
  const { counts: failover } = useFailoverCounts(clusters);
  // A big fleet opens as the table (a thousand cards is not an overview); the URL's choice wins.
  const view = viewFor(state, clusters.length);
  return (
    <section aria-labelledby="clusters-title">
      <h2 id="clusters-title" className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase">
        Clusters
      </h2>
      <StatusTiles counts={counts} selected={state.status} onSelect={(status) => update({ status })} />
      <OverviewToolbar state={state} view={view} shown={shown.length} total={clusters.length} onChange={update} />
      {shown.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-8 text-center text-sm text-slate-600">
          <p>No cluster is {state.status === "all" ? "in the fleet" : STATUS_WORDS[state.status].toLowerCase()} now.</p>
          <button type="button" onClick={() => update({ status: "all" })} className="mt-2 font-medium text-indigo-700 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-indigo-500">
            Show every cluster
          </button>
        </div>
      ) : view === "table" ? (
        <ClusterTable clusters={shown} failover={failover} />
      ) : (
        <ul aria-label="Clusters" className="grid gap-5 md:grid-cols-2 xl:grid-cols-3">
          {shown.map((status) => (
            <li key={status.cluster}>
              <ClusterCard status={status} failover={failover?.get(status.cluster)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

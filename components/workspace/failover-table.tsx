"use client";

import { useState } from "react";
import type { FailoverKind } from "@/lib/failover/types";
import { servedByFor } from "@/lib/traffic/served-by-words";
import type { TrafficView } from "@/lib/traffic/types";
import type { FailoverCell, WorkspaceDetail } from "@/lib/workspace-view/types";
import { RunDrillButton } from "../drills/run-drill-button";
import { TrafficNote, type TrafficState } from "../traffic/traffic-note";
import { useTrafficView } from "../traffic/use-traffic-view";
import { FailoverStateCell, type CellTraffic } from "./failover-cell";
import { FailoverLegend } from "./failover-legend";

const FIRST = 25;
/** States in which the cluster runs the service itself: a drill can fail that local instance (its plan says if it may). */
const DRILLABLE: ReadonlySet<FailoverKind> = new Set<FailoverKind>(["serving-locally", "at-risk", "failed-over"]);

type ServiceRow = { fqdn: string; name: string; namespace: string; cells: Map<string, FailoverCell> };

/** Rows = services (by FQDN), one cell per cluster; a service a cluster neither runs nor consumes has none there. */
function byService(cells: readonly FailoverCell[]): ServiceRow[] {
  const rows = new Map<string, ServiceRow>();
  for (const cell of cells) {
    let row = rows.get(cell.fqdn);
    if (!row) rows.set(cell.fqdn, (row = { fqdn: cell.fqdn, name: cell.fqdn.split(".")[0] ?? cell.fqdn, namespace: cell.namespace, cells: new Map() }));
    row.cells.set(cell.cluster, cell);
  }
  return [...rows.values()].sort((a, b) => (a.fqdn < b.fqdn ? -1 : a.fqdn > b.fqdn ? 1 : 0));
}

/** Why there is no table: no service at all, or a fleet where no cluster of the workspace is known yet. */
function EmptyState({ detail }: { detail: WorkspaceDetail }) {
  const text =
    detail.services.length === 0
      ? "This workspace has no services yet: there is nothing to fail over. Services appear here once a cluster runs one in the workspace's namespaces."
      : "No failover state is known yet: none of the workspace's clusters has been seen.";
  return <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-slate-600">{text}</p>;
}

/** Nothing exposed: every service stays in its cluster, which the table shows as At risk "not exposed". */
function NothingExposedNote({ detail }: { detail: WorkspaceDetail }) {
  if (detail.services.some((s) => s.exposed)) return null;
  return (
    <p className="border-b border-slate-100 px-4 py-2 text-xs text-amber-800">
      Nothing is exposed: no service of this workspace can fail over to another cluster. Use “Expose services”.
    </p>
  );
}

/** The table's traffic: the view when Prometheus answered, for the cells; the note's state in every case. */
export type TableTraffic = { view?: TrafficView; state: TrafficState };

/** A cell's traffic: only from a view Prometheus answered (otherwise the note above the table says why, once). */
function cellTraffic(view: TrafficView | undefined, cell: FailoverCell): CellTraffic {
  if (view?.status.state !== "ok") return undefined;
  return { row: servedByFor(view.servedBy, cell.cluster, cell.fqdn) };
}

/**
 * The failover state of every service of the workspace in every cluster it spans, live with the detail; with
 * Prometheus, which cluster served each one in the last minute (polled while the page is visible).
 */
export function FailoverTable({ detail }: { detail: WorkspaceDetail }) {
  const query = useTrafficView(detail.name);
  const state: TrafficState = query.data ? { status: query.data.status, at: query.data.at } : query.error ? { error: query.error } : undefined;
  return <FailoverTableView detail={detail} traffic={{ ...(query.data ? { view: query.data } : {}), state }} />;
}

/** The table itself, for a given traffic view (rendered by tests without a server). */
export function FailoverTableView({ detail, traffic = { state: undefined } }: { detail: WorkspaceDetail; traffic?: TableTraffic }) {
  const [all, setAll] = useState(false);
  const rows = byService(detail.failover);
  const clusters = detail.clusters.map((c) => c.name).filter((name) => rows.some((r) => r.cells.has(name)));
  const shown = all ? rows : rows.slice(0, FIRST);
  return (
    <section aria-labelledby="failover-title" className="mb-8">
      <h2 id="failover-title" className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase">
        Failover state
      </h2>
      {rows.length === 0 ? (
        <EmptyState detail={detail} />
      ) : (
        <div className="rounded-xl border border-slate-200 bg-white shadow-sm">
          <NothingExposedNote detail={detail} />
          <TrafficNote state={traffic.state} />
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Failover state of each service in each cluster</caption>
              <thead className="border-b border-slate-200 text-xs text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Service
                  </th>
                  {clusters.map((c) => (
                    <th key={c} scope="col" className="px-4 py-2 font-semibold">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {shown.map((row) => (
                  <tr key={row.fqdn} className="align-top">
                    <th scope="row" className="px-4 py-2.5 font-normal">
                      <span className="block font-medium text-slate-900">{row.name}</span>
                      <span className="block font-mono text-[11px] break-all text-slate-500">{row.fqdn}</span>
                    </th>
                    {clusters.map((c) => {
                      const cell = row.cells.get(c);
                      return (
                        <td key={c} data-cluster={c} className="px-4 py-2.5">
                          {cell ? <FailoverStateCell cell={cell} traffic={cellTraffic(traffic.view, cell)} /> : <span className="text-xs text-slate-500">not here</span>}
                          {cell && DRILLABLE.has(cell.kind) && <RunDrillButton compact target={{ cluster: c, namespace: cell.namespace, service: row.name }} />}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length > FIRST && (
            <button type="button" onClick={() => setAll(!all)} className="w-full border-t border-slate-100 px-4 py-2 text-sm font-medium text-indigo-700 hover:bg-slate-50">
              {all ? "Show fewer" : `Show all ${rows.length} services`}
            </button>
          )}
        </div>
      )}
      <FailoverLegend />
    </section>
  );
}

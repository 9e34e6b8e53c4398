"use client";

import type { FailoverKind } from "@/lib/failover/types";
import { servedByFor } from "@/lib/traffic/served-by-words";
import type { TrafficView } from "@/lib/traffic/types";
import type { FailoverCell, FailoverPage, FailoverRowView } from "@/lib/workspace-view/types";
import { RunDrillButton } from "../drills/run-drill-button";
import type { TrafficState } from "../traffic/traffic-note";
import { FailoverStateCell, type CellTraffic } from "./failover-cell";

/** States in which the cluster runs the service itself: a drill can fail that local instance (its plan says if it may). */
const DRILLABLE: ReadonlySet<FailoverKind> = new Set<FailoverKind>(["serving-locally", "at-risk", "failed-over"]);

/** The table's traffic: the view when Prometheus answered, for the cells; the note's state in every case. */
export type TableTraffic = { view?: TrafficView; state: TrafficState };

/** A cell's traffic: only from a view Prometheus answered (otherwise the note above the table says why, once). */
function cellTraffic(view: TrafficView | undefined, cell: FailoverCell): CellTraffic {
  if (view?.status.state !== "ok") return undefined;
  return { row: servedByFor(view.servedBy, cell.cluster, cell.fqdn) };
}

/** One page of the failover table: a row per service, a column per cluster. */
export function StateTable({ page, traffic, workspace }: { page: FailoverPage; traffic: TableTraffic; workspace: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Failover state of each service in each cluster</caption>
        <thead className="border-b border-slate-200 text-xs text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">
              Service
            </th>
            {page.clusters.map((c) => (
              <th key={c} scope="col" className="px-4 py-2 font-semibold">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {page.rows.map((row) => (
            <ServiceRow key={row.fqdn} row={row} clusters={page.clusters} traffic={traffic} workspace={workspace} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ServiceRow({ row, clusters, traffic, workspace }: { row: FailoverRowView; clusters: readonly string[]; traffic: TableTraffic; workspace: string }) {
  const cells = new Map(row.cells.map((cell) => [cell.cluster, cell]));
  return (
    <tr className="align-top">
      <th scope="row" className="px-4 py-2.5 font-normal">
        <span className="block font-medium text-slate-900">{row.name}</span>
        <span className="block font-mono text-[11px] break-all text-slate-500">{row.fqdn}</span>
      </th>
      {clusters.map((c) => {
        const cell = cells.get(c);
        return (
          <td key={c} data-cluster={c} className="px-4 py-2.5">
            {cell ? <FailoverStateCell cell={cell} traffic={cellTraffic(traffic.view, cell)} /> : <span className="text-xs text-slate-500">not here</span>}
            {cell && DRILLABLE.has(cell.kind) && <RunDrillButton compact target={{ cluster: c, namespace: cell.namespace, service: row.name }} workspaces={[workspace]} />}
          </td>
        );
      })}
    </tr>
  );
}

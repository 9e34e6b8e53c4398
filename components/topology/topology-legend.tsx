import { FailoverLegend } from "../workspace/failover-legend";
import { EDGE_LOOK, EDGE_STATUSES } from "./node-look";

/** The edge statuses: a line drawn as on the canvas, its word and meaning. */
function EdgeLegend() {
  return (
    <ul aria-label="Edge statuses" className="mt-3 grid gap-x-6 gap-y-1.5 text-xs text-slate-600 md:grid-cols-3">
      {EDGE_STATUSES.map((status) => (
        <li key={status} className="flex items-center gap-2">
          <svg aria-hidden="true" width="32" height="8" className="shrink-0">
            <line x1="0" y1="4" x2="32" y2="4" stroke={EDGE_LOOK[status].stroke} strokeWidth="2" strokeDasharray={EDGE_LOOK[status].dash} />
          </svg>
          <span className="font-semibold text-slate-800">{EDGE_LOOK[status].words}</span>
          <span>{EDGE_LOOK[status].meaning}</span>
        </li>
      ))}
      <li className="text-slate-600 md:col-span-3">
        A number on an edge: how many routes it stands for between collapsed groups. Failover edges run from a service to the remote east-west gateway it
        dials; ingress edges from that gateway on to the service it leads to.
      </li>
    </ul>
  );
}

/** What the colours mean: the failover states (the workspace page's legend) and the edge statuses. */
export function TopologyLegend() {
  return (
    <details className="mb-4 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <summary className="cursor-pointer text-sm font-semibold text-slate-800">Legend</summary>
      <FailoverLegend />
      <EdgeLegend />
    </details>
  );
}

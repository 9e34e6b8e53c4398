import Link from "next/link";
import { formatSeconds } from "@/lib/drills/duration";
import type { DrillSummary } from "@/server/drills/types";
import { RelativeTime } from "../relative-time";
import { StatusPill } from "../workspace/status-pill";
import { drillHref, PHASE_TONE, VERDICT_TONE } from "./drill-words";

const TH = "px-4 py-2 font-semibold";
const TD = "px-4 py-2.5";
const figure = (v: number | undefined) => (v === undefined ? "—" : formatSeconds(v));

/** One row per drill: where, what, how it went, its figures; the name leads to its report. */
export function DrillsTable({ drills }: { drills: readonly DrillSummary[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Failover drills across the fleet, newest first</caption>
        <thead className="border-b border-slate-200 text-xs text-slate-500">
          <tr>
            <th scope="col" className={TH}>Drill</th>
            <th scope="col" className={TH}>Service</th>
            <th scope="col" className={TH}>Phase</th>
            <th scope="col" className={TH}>Verdict</th>
            <th scope="col" className={TH}>Time to shift</th>
            <th scope="col" className={TH}>Failed requests</th>
            <th scope="col" className={TH}>Time to restore</th>
            <th scope="col" className={TH}>Started</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {drills.map((d) => (
            <tr key={`${d.ref.cluster}/${d.ref.namespace}/${d.ref.name}`} className="align-top">
              <th scope="row" className={`${TD} font-normal`}>
                <Link href={drillHref(d.ref)} className="font-medium break-all text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500">
                  {d.ref.name}
                </Link>
                <span className="block text-xs text-slate-500">{d.fault === "ScaleToZero" ? "Scale to zero" : "Fail requests"}</span>
              </th>
              <td className={TD}>
                <span className="block font-medium text-slate-900">{d.service}</span>
                <span className="block text-xs text-slate-500">
                  {d.ref.namespace} · {d.ref.cluster}
                </span>
              </td>
              <td className={TD}>
                <StatusPill tone={PHASE_TONE[d.phase]}>{d.phase}</StatusPill>
              </td>
              <td className={TD}>
                {d.verdict ? <StatusPill tone={VERDICT_TONE[d.verdict]}>{d.verdict}</StatusPill> : <span className="text-xs text-slate-500">{d.running ? "running" : "—"}</span>}
                {d.reason && <p className="mt-1 max-w-xs text-xs break-words text-slate-600">{d.reason}</p>}
              </td>
              <td className={`${TD} tabular-nums`}>{figure(d.timeToShiftSeconds)}</td>
              <td className={`${TD} tabular-nums`}>{d.failedRequests ?? "—"}</td>
              <td className={`${TD} tabular-nums`}>{figure(d.timeToRestoreSeconds)}</td>
              <td className={`${TD} text-xs text-slate-600`}>{d.startedAt ?? d.createdAt ? <RelativeTime iso={(d.startedAt ?? d.createdAt) as string} /> : "not yet"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

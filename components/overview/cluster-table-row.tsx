import type { ClusterCountsView, ClusterStatus } from "@/lib/fleet-schema";
import type { StateCounts } from "@/lib/topology/types";
import { SyncBadge } from "../cluster-status-badge";
import { RelativeTime } from "../relative-time";
import { ClusterLink } from "./cluster-link";
import { FailoverCounts, totalOf } from "./failover-counts";
import { lastSeen } from "./overview-state";
import { OverviewStatusPill } from "./overview-status-pill";

type Figure = keyof ClusterCountsView;

const FIGURES: ReadonlyArray<{ key: Figure; label: string; title: string; abbr?: boolean }> = [
  { key: "gateways", label: "Gateways", title: "East-west IngressGateways in the cluster" },
  { key: "exposedServices", label: "Exposed", title: "Services a workspace exposes to the other clusters" },
  { key: "serviceEntries", label: "SEs", title: "ServiceEntries (remote services reachable from here)", abbr: true },
  { key: "shadowWorkloadEntries", label: "Shadows", title: "Shadow WorkloadEntries (failover targets in other clusters)", abbr: true },
  { key: "services", label: "Services", title: "Services in the cluster" },
  { key: "objects", label: "Objects", title: "Cached objects of every watched kind" },
];

export const COLUMNS: ReadonlyArray<{ label: string; title?: string; numeric?: boolean; abbr?: boolean }> = [
  { label: "Cluster" },
  { label: "Status" },
  { label: "Kubernetes", title: "API server version (the last known one while unreachable)" },
  { label: "Sync", title: "Whether the cached objects are current" },
  { label: "Failover", title: "How many of its services are in each failover state" },
  ...FIGURES.map((f) => ({ label: f.label, title: f.title, numeric: true, abbr: f.abbr })),
  { label: "Last seen", title: "When the API server last answered" },
];

/**
 * One cluster as a table row. Figures of a never-synced cluster are unknown ("–", never 0); a stale cluster's are
 * its last known ones, dimmed; an unreachable cluster's version is the last one seen, marked so.
 */
export function ClusterTableRow({ status, rowIndex, failover, known = false }: { status: ClusterStatus; rowIndex?: number; failover?: StateCounts | undefined; known?: boolean }) {
  const { sync } = status;
  const seen = lastSeen(status);
  const tone = sync.state === "stale" ? "text-slate-500" : "text-slate-900";
  return (
    <tr aria-rowindex={rowIndex} className="h-[41px] hover:bg-slate-50">
      <th scope="row" className="px-2 py-2 text-left font-semibold whitespace-nowrap">
        <ClusterLink name={status.cluster} />
        {status.management && <span className="ml-1.5 text-[11px] font-semibold text-indigo-700 uppercase" title="The console's management cluster">mgmt</span>}
      </th>
      <td className="px-2 py-2">
        <OverviewStatusPill status={status} />
      </td>
      <td className="px-2 py-2 font-mono text-[13px] whitespace-nowrap">
        {status.ok ? status.value.version : sync.lastVersion ? <span className="text-slate-500" title="Last known version; the cluster is not answering now">
            {sync.lastVersion} <span className="font-sans text-[11px]">last known</span>
          </span> : <span className="text-slate-500">unknown</span>}
      </td>
      <td className="px-2 py-2">
        <SyncBadge state={sync.state} everSynced={sync.everSynced} />
      </td>
      <td className="px-2 py-2">
        {failover && totalOf(failover) > 0 ? (
          <FailoverCounts counts={failover} label={`Failover states in ${status.cluster}`} size="small" />
        ) : (
          <span className="text-xs text-slate-500">{known ? "no services" : <span title="Loading the failover states">…</span>}</span>
        )}
      </td>
      {FIGURES.map((f) => (
        <td key={f.key} className={`px-2 py-2 text-right tabular-nums ${sync.everSynced ? tone : "text-slate-400"}`}>
          {sync.everSynced ? sync.counts[f.key] : <span title="Not yet synced: unknown">–</span>}
        </td>
      ))}
      <td className="px-2 py-2 whitespace-nowrap text-slate-700">{seen ? <RelativeTime iso={seen} suffix=" ago" /> : "never"}</td>
    </tr>
  );
}

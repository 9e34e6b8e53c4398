"use client";

import type { ClusterStatus } from "@/lib/fleet-schema";
import type { StateCounts } from "@/lib/topology/types";
import { formatAge, formatLatency } from "@/lib/format";
import { ClusterCounts } from "./cluster-counts";
import { ClusterProblem, clusterProblem } from "./cluster-problem";
import { ClusterStatusBadge, ManagementBadge, SyncBadge } from "./cluster-status-badge";
import { ClusterLink } from "./overview/cluster-link";
import { FailoverCounts, totalOf } from "./overview/failover-counts";
import { RecheckButton } from "./recheck-button";
import { RelativeTime } from "./relative-time";
import { useNow } from "./use-now";

/**
 * One cluster of the fleet: identity (linking to its page), reachability, sync state, what its cache counts and —
 * once the topology graph has answered — how its services stand for failover.
 */
export function ClusterCard({ status, failover }: { status: ClusterStatus; failover?: StateCounts | undefined }) {
  const now = useNow();
  const age = (iso: string) => formatAge(iso, now ?? new Date(iso));
  const headingId = `cluster-${status.cluster}`;
  const troubled = clusterProblem(status) !== null;
  const lastSync = status.sync.lastSyncAt;
  return (
    <article
      aria-labelledby={headingId}
      className={`flex h-full flex-col rounded-xl border bg-white shadow-sm transition-colors ${troubled ? "border-rose-200" : "border-slate-200"}`}
    >
      <div className={`h-1 rounded-t-xl ${troubled ? "bg-rose-500" : status.sync.state === "syncing" ? "bg-amber-400" : "bg-emerald-500"}`} aria-hidden="true" />
      <div className="flex items-start justify-between gap-3 px-5 pt-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id={headingId} className="truncate text-lg font-semibold text-slate-900">
              <ClusterLink name={status.cluster} />
            </h2>
            {status.management && <ManagementBadge />}
          </div>
          <p className="mt-0.5 truncate font-mono text-xs text-slate-500">{status.server || "no server"}</p>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1.5">
          <ClusterStatusBadge status={status} />
          <SyncBadge state={status.sync.state} everSynced={status.sync.everSynced} />
        </div>
      </div>

      <dl className="grid grid-cols-3 gap-3 px-5 pt-4 text-sm">
        <Fact label="Kubernetes" value={status.ok ? status.value.version : lastKnown(status.sync.lastVersion)} mono />
        <Fact label="API latency" value={status.ok ? formatLatency(status.value.latencyMs) : undefined} />
        <Fact label="Last sync" value={lastSync ? <RelativeTime iso={lastSync} suffix=" ago" /> : undefined} />
      </dl>

      <ClusterCounts cluster={status.cluster} sync={status.sync} />
      {failover && totalOf(failover) > 0 && (
        <div className="px-5 pt-3">
          <FailoverCounts counts={failover} label={`Failover states in ${status.cluster}`} size="small" />
        </div>
      )}
      <ClusterProblem status={status} age={age} />
      {/* Cards of a row share a height: the space goes here, footers line up. */}
      <div className="min-h-4 flex-1" aria-hidden="true" />

      <footer className="flex items-center justify-between gap-3 border-t border-slate-100 px-5 py-3">
        <p className="text-xs text-slate-500">
          {status.ok ? `Up for ${age(status.since)}` : status.lastReachableAt ? `Down for ${age(status.since)}` : "Not reached since startup"}
          {" · "}
          checked <RelativeTime iso={status.checkedAt} suffix=" ago" />
        </p>
        <RecheckButton cluster={status.cluster} />
      </footer>
    </article>
  );
}

/** While unreachable, the version last seen, marked as such. */
function lastKnown(version: string | null): React.ReactNode {
  if (!version) return undefined;
  return (
    <span title="Last known version; the cluster is not answering now">
      <span className="text-slate-500">{version}</span>
      <span className="block font-sans text-[11px] font-normal text-slate-500">last known</span>
    </span>
  );
}

/** One fact of the card; an unknown value says so instead of leaving a blank. */
function Fact({ label, value, mono }: { label: string; value: React.ReactNode; mono?: boolean }) {
  const known = value !== undefined;
  const look = !known ? "text-slate-500" : mono ? "font-mono text-[13px] text-slate-900" : "text-slate-900";
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className={`mt-0.5 truncate font-medium ${look}`}>{known ? value : "unknown"}</dd>
    </div>
  );
}

import Link from "next/link";
import type { ClusterDetail } from "@/server/clusters/types";
import { ManagementBadge, SyncBadge } from "../cluster-status-badge";
import { OverviewStatusPill } from "../overview/overview-status-pill";
import { RecheckButton } from "../recheck-button";
import { istioHref, topologyHref } from "./cluster-links";

const LINK = "rounded-md px-3 py-1.5 text-sm font-medium text-indigo-700 ring-1 ring-indigo-200 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500";

/**
 * The cluster's name, its one status in the overview tiles' words (unreachable, stale, syncing, healthy), the
 * state of its cached objects, its server, and where to go from here.
 */
export function ClusterHeading({ detail }: { detail: ClusterDetail }) {
  const { status } = detail;
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{status.cluster}</h1>
          {status.management && <ManagementBadge />}
          <OverviewStatusPill status={status} />
          <SyncBadge state={status.sync.state} everSynced={status.sync.everSynced} />
        </div>
        <p className="mt-1 font-mono text-xs break-all text-slate-500">{status.server || "no server"}</p>
      </div>
      <nav aria-label={`${status.cluster} elsewhere`} className="flex flex-wrap items-center gap-2">
        <Link href={topologyHref(status.cluster)} className={LINK}>
          Topology of {status.cluster}
        </Link>
        <Link href={istioHref(status.cluster)} className={LINK}>
          Istio objects in {status.cluster}
        </Link>
        <RecheckButton cluster={status.cluster} />
      </nav>
    </div>
  );
}

import type { ClusterDetail } from "@/server/clusters/types";
import { formatLatency } from "@/lib/format";
import { lastSeen } from "../overview/overview-state";
import { RelativeTime } from "../relative-time";

/** Version, latency and the times that say how current the page is; an unknown value says so. */
export function ClusterFacts({ detail }: { detail: ClusterDetail }) {
  const { status } = detail;
  const { sync } = status;
  const seen = lastSeen(status);
  const version = status.ok ? status.value.version : sync.lastVersion ? `${sync.lastVersion} (last known)` : undefined;
  return (
    <dl aria-label="Facts" className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-xl border border-slate-200 bg-white p-5 text-sm shadow-sm sm:grid-cols-3 lg:grid-cols-6">
      <Fact label="Kubernetes" value={version} mono />
      <Fact label="API latency" value={status.ok ? formatLatency(status.value.latencyMs) : undefined} />
      <Fact label="Last seen" value={seen ? <RelativeTime iso={seen} suffix=" ago" /> : "never since the console started"} />
      <Fact label="Last full sync" value={sync.lastSyncAt ? <RelativeTime iso={sync.lastSyncAt} suffix=" ago" /> : undefined} />
      <Fact label="Last change" value={sync.lastChangeAt ? <RelativeTime iso={sync.lastChangeAt} suffix=" ago" /> : undefined} />
      <Fact label="Watching since" value={sync.watchingSince ? <RelativeTime iso={sync.watchingSince} display="clock" /> : undefined} />
    </dl>
  );
}

function Fact({ label, value, mono }: { label: string; value: React.ReactNode; mono?: boolean }) {
  const known = value !== undefined;
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className={`mt-0.5 font-medium ${!known ? "text-slate-500" : mono ? "font-mono text-[13px] text-slate-900" : "text-slate-900"}`}>{known ? value : "unknown"}</dd>
    </div>
  );
}

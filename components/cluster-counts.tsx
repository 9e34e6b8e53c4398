import type { ClusterSync } from "@/lib/fleet-schema";

const FIGURES = [
  { key: "gateways", label: "Gateways", breakAt: 0, title: "East-west IngressGateways in the cluster" },
  { key: "exposedServices", label: "Exposed", breakAt: 0, title: "Services a workspace exposes to the other clusters" },
  { key: "serviceEntries", label: "ServiceEntries", breakAt: 7, title: "ServiceEntries (remote services reachable from here)" },
  { key: "shadowWorkloadEntries", label: "Shadow WEs", breakAt: 0, title: "Shadow WorkloadEntries (failover targets in other clusters)" },
] as const;

/**
 * The cluster's mesh figures; a stale cluster shows its last known ones, dimmed. A cluster never synced since the
 * console started has none: its figures and workspaces are unknown ("–"), never 0 or "in no workspace".
 */
export function ClusterCounts({ cluster, sync }: { cluster: string; sync: ClusterSync }) {
  const known = sync.everSynced;
  const tone = sync.state === "stale" ? "text-slate-500" : "text-slate-900";
  return (
    <div className="px-5 pt-4">
      <dl aria-label={`${cluster} counts`} className="grid grid-cols-4 divide-x divide-slate-100 rounded-lg bg-slate-50 py-2 ring-1 ring-slate-100">
        {FIGURES.map((f) => (
          <div key={f.key} className="flex min-w-0 flex-col-reverse justify-end px-1.5 text-center" title={f.title}>
            <dt className="text-[11px] leading-tight font-medium text-slate-500">
              {/* A break opportunity inside the long kind name, invisible to text matching. */}
              {f.breakAt > 0 ? (
                <>
                  {f.label.slice(0, f.breakAt)}
                  <wbr />
                  {f.label.slice(f.breakAt)}
                </>
              ) : (
                f.label
              )}
            </dt>
            <dd className={`text-lg leading-tight font-semibold tabular-nums ${known ? tone : "text-slate-300"}`}>
              {known ? sync.counts[f.key] : "–"}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
        {!known ? (
          <span>Workspaces unknown until it is synced</span>
        ) : sync.workspaces.length === 0 ? (
          <span>In no workspace</span>
        ) : (
          <>
            <span>Workspaces</span>
            {sync.workspaces.map((ws) => (
              <span key={ws} className="rounded bg-sky-50 px-1.5 py-0.5 font-medium text-sky-800 ring-1 ring-sky-600/15 ring-inset">
                {ws}
              </span>
            ))}
          </>
        )}
        <span className="ml-auto tabular-nums" title="Cached objects of every watched kind">
          {known ? `${sync.counts.services} services · ${sync.counts.objects} objects` : "objects not counted yet"}
        </span>
      </p>
    </div>
  );
}

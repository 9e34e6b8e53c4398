"use client";

import type { GatewayState, WorkspaceCluster } from "@/lib/workspace-view/types";
import { formatAge } from "@/lib/format";
import { ManagementBadge, SyncBadge } from "../cluster-status-badge";
import { useNow } from "../use-now";
import { ClusterFreshnessNote } from "./cluster-freshness-note";
import { GatewayFacts } from "./gateway-facts";

/** Hundreds of namespaces must not stretch the card: the first few, then a count. */
const NAMESPACE_CHIPS = 6;

/** One cluster of the workspace: freshness, namespaces, and its east-west gateways (or their absence). */
export function ClusterGatewayCard({ cluster, onRemove }: { cluster: WorkspaceCluster; onRemove?: ((gw: GatewayState) => void) | undefined }) {
  const now = useNow();
  const age = (iso: string) => formatAge(iso, now ?? new Date(iso));
  const stale = cluster.freshness.state === "stale";
  // Never listed since the console started: empty lists mean "not seen", so nothing below may claim absence.
  const unknown = !cluster.freshness.everSynced;
  const headingId = `ws-cluster-${cluster.name}`;
  const ready = cluster.gateways.some((g) => g.phase === "ready");
  return (
    <article aria-labelledby={headingId} className={`flex h-full flex-col rounded-xl border bg-white shadow-sm ${stale ? "border-rose-200" : "border-slate-200"}`}>
      <div className={`h-1 rounded-t-xl ${stale ? "bg-rose-500" : ready ? "bg-emerald-500" : "bg-amber-400"}`} aria-hidden="true" />
      <div className="flex items-start justify-between gap-3 px-5 pt-4">
        <div className="flex flex-wrap items-center gap-2">
          <h3 id={headingId} className="text-lg font-semibold text-slate-900">
            {cluster.name}
          </h3>
          {cluster.management && <ManagementBadge />}
        </div>
        <SyncBadge state={cluster.freshness.state} everSynced={cluster.freshness.everSynced} />
      </div>
      <ClusterFreshnessNote freshness={cluster.freshness} age={age} />
      {/* Dimmed by a grey wash, not opacity: the last known state must stay readable (WCAG AA contrast). */}
      <div className={`flex flex-1 flex-col px-5 pt-3 pb-4 ${stale ? "rounded-b-xl bg-slate-50 grayscale" : ""}`}>
        <p className="flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
          {unknown ? (
            <span>Namespaces unknown</span>
          ) : cluster.namespaces.length === 0 ? (
            <span className="text-rose-700">None of the workspace&apos;s namespaces exists here</span>
          ) : (
            <>
              <span>Namespaces</span>
              {cluster.namespaces.slice(0, NAMESPACE_CHIPS).map((ns) => (
                <span key={ns} className="rounded bg-sky-50 px-1.5 py-0.5 font-medium text-sky-800 ring-1 ring-sky-600/15 ring-inset">
                  {ns}
                </span>
              ))}
              {cluster.namespaces.length > NAMESPACE_CHIPS && (
                <span title={cluster.namespaces.slice(NAMESPACE_CHIPS).join(", ")}>and {cluster.namespaces.length - NAMESPACE_CHIPS} more</span>
              )}
            </>
          )}
        </p>
        {unknown ? (
          <div className="mt-3 rounded-lg border border-dashed border-slate-300 px-3 py-3 text-sm text-slate-600">
            <p className="font-semibold text-slate-800">Gateways unknown</p>
            <p className="mt-0.5 text-xs">The console has not seen this cluster yet; it shows its gateways once the cluster answers.</p>
          </div>
        ) : cluster.gateways.length === 0 ? (
          <NoGateway stale={stale} />
        ) : (
          <ul aria-label={`Gateways in ${cluster.name}`} className="mt-3 space-y-3">
            {cluster.gateways.map((gw) => (
              <li key={`${gw.namespace}/${gw.name}`}>
                <GatewayFacts gateway={gw} stale={stale} onRemove={onRemove && (() => onRemove(gw))} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}

/** No gateway in what the console sees; a stale cluster's "none" is only its last known state, and nothing is offered. */
function NoGateway({ stale }: { stale: boolean }) {
  return (
    <div className="mt-3 rounded-lg border border-dashed border-slate-300 px-3 py-3 text-sm text-slate-600">
      <p className="font-semibold text-slate-800">No east-west gateway{stale ? " in the last known state" : ""}</p>
      <p className="mt-0.5 text-xs">
        {stale
          ? "Nothing can be deployed here until the cluster answers again."
          : "Other clusters cannot reach this one\u2019s services, and it cannot fail over. Deploy one with the button above."}
      </p>
    </div>
  );
}

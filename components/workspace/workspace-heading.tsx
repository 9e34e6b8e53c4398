import Link from "next/link";
import { useId } from "react";
import { exposedLabel, exposureCount, unnamedLabel } from "@/lib/workspace-view/exposure-count";
import type { WorkspaceDetail } from "@/lib/workspace-view/types";
import type { Ability } from "../auth/abilities";
import { gateProps, REFUSED_LOOK } from "../auth/gate-props";
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from "./dialog-shell";

/**
 * Title, what the workspace spans, a link to its topology, the two actions, and a summary of where it stands.
 * `change`: whether the person may change gateways and exposure here; when not, both actions stay visible but
 * refused, and the reason is said under them.
 */
export function WorkspaceHeading({ detail, change = { allowed: true }, onDeploy, onExpose }: { detail: WorkspaceDetail; change?: Ability; onDeploy: () => void; onExpose: () => void }) {
  const reasonId = useId();
  const gateways = detail.clusters.filter((c) => c.gateways.some((g) => g.phase === "ready")).length;
  // Clusters never synced since the console started: their gateways (and services) are unknown, not absent.
  const unknown = detail.clusters.filter((c) => !c.freshness.everSynced).map((c) => c.name);
  const count = exposureCount(detail.exposure, detail.services);
  const failing = detail.readiness.items.filter((i) => i.status !== "pass").length;
  return (
    <div className="mb-6 space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{detail.name}</h1>
          <p className="mt-1 text-sm text-slate-600">
            Workspace{detail.namespace ? ` in ${detail.namespace}` : ""}
            {detail.managementCluster ? ` on ${detail.managementCluster}` : ""} · selector{" "}
            <span className="font-mono text-[13px]">{detail.namespaceSelector.join(", ") || "none"}</span>
            {detail.setting ? ` · setting ${detail.setting.namespace}/${detail.setting.name}` : " · no WorkspaceSetting yet"}
            {detail.settingsForm === "tsb" ? " (TSB form)" : ""}
          </p>
        </div>
        <div className="flex flex-col items-end gap-1.5">
          <div className="flex gap-2">
            <Link href={`/workspaces/${encodeURIComponent(detail.name)}/topology`} className={SECONDARY_BUTTON}>
              Topology
            </Link>
            <button type="button" className={`${SECONDARY_BUTTON} ${REFUSED_LOOK}`} {...gateProps(change, reasonId, onExpose)}>
              Expose services
            </button>
            <button type="button" className={`${PRIMARY_BUTTON} ${REFUSED_LOOK}`} {...gateProps(change, reasonId, onDeploy)}>
              Deploy east-west gateway
            </button>
          </div>
          {!change.allowed && (
            <p id={reasonId} className={change.pending ? "sr-only" : "max-w-md text-right text-xs text-slate-600"}>
              {change.reason}
            </p>
          )}
        </div>
      </div>
      <dl aria-label="Workspace summary" className="flex flex-wrap gap-2 text-sm">
        <Item label="Clusters" value={String(detail.clusters.length)} tone="text-slate-900" />
        <Item
          label="Gateways ready"
          value={`${gateways}/${detail.clusters.length}`}
          tone={gateways === detail.clusters.length ? "text-emerald-700" : "text-amber-700"}
          note={unknown.length > 0 ? `${unknown.join(", ")} not yet synced: unknown` : undefined}
        />
        <Item label="Exposed services" value={exposedLabel(detail.exposure.mode, count)} tone="text-slate-900" note={unnamedLabel(count) || undefined} />
        <Item label="HA readiness" value={detail.readiness.ready ? "Ready" : `${failing} to fix`} tone={detail.readiness.ready ? "text-emerald-700" : "text-rose-700"} />
      </dl>
    </div>
  );
}

/** One figure; `note` flags what the figure leaves out (unknown clusters, entries naming no service). */
function Item({ label, value, tone, note }: { label: string; value: string; tone: string; note?: string | undefined }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-1.5 shadow-sm">
      <dt className="text-[11px] font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className={`text-lg leading-tight font-semibold tabular-nums ${tone}`}>{value}</dd>
      {note && <dd className="text-xs font-medium text-amber-700">{note}</dd>}
    </div>
  );
}

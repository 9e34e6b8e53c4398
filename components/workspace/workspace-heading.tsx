import type { WorkspaceDetail } from "@/lib/workspace-view/types";
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from "./dialog-shell";

/** Title, what the workspace spans, the two actions, and a summary of where it stands. */
export function WorkspaceHeading({ detail, onDeploy, onExpose }: { detail: WorkspaceDetail; onDeploy: () => void; onExpose: () => void }) {
  const gateways = detail.clusters.filter((c) => c.gateways.some((g) => g.phase === "ready")).length;
  const exposed = detail.exposure.mode === "all" ? `All ${detail.services.length}` : `${detail.exposure.services.length} of ${detail.services.length}`;
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
        <div className="flex gap-2">
          <button type="button" className={SECONDARY_BUTTON} onClick={onExpose}>
            Expose services
          </button>
          <button type="button" className={PRIMARY_BUTTON} onClick={onDeploy}>
            Deploy east-west gateway
          </button>
        </div>
      </div>
      <dl aria-label="Workspace summary" className="flex flex-wrap gap-2 text-sm">
        <Item label="Clusters" value={String(detail.clusters.length)} tone="text-slate-900" />
        <Item label="Gateways ready" value={`${gateways}/${detail.clusters.length}`} tone={gateways === detail.clusters.length ? "text-emerald-700" : "text-amber-700"} />
        <Item label="Exposed services" value={exposed} tone="text-slate-900" />
        <Item label="HA readiness" value={detail.readiness.ready ? "Ready" : `${failing} to fix`} tone={detail.readiness.ready ? "text-emerald-700" : "text-rose-700"} />
      </dl>
    </div>
  );
}

function Item({ label, value, tone }: { label: string; value: string; tone: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-1.5 shadow-sm">
      <dt className="text-[11px] font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className={`text-lg leading-tight font-semibold tabular-nums ${tone}`}>{value}</dd>
    </div>
  );
}

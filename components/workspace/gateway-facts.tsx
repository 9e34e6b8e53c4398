import type { GatewayPhase, GatewayState } from "@/lib/workspace-view/types";
import { RelativeTime } from "../relative-time";
import { StatusPill, type Tone } from "./status-pill";

const PHASE: Record<GatewayPhase, { label: string; tone: Tone }> = {
  ready: { label: "Ready", tone: "good" },
  progressing: { label: "Progressing", tone: "warn" },
  problem: { label: "Problem", tone: "bad" },
};

/**
 * One IngressGateway: the facts `kubectl get` would scatter over three commands, and its problems in words.
 * `onRemove` absent: the person may not remove gateways here (the page heading says why), so no Remove.
 */
export function GatewayFacts({ gateway: gw, stale, onRemove }: { gateway: GatewayState; stale: boolean; onRemove?: (() => void) | undefined }) {
  const phase = PHASE[gw.phase];
  return (
    <section aria-label={`Gateway ${gw.namespace}/${gw.name} in ${gw.cluster}`} className="rounded-lg bg-slate-50 px-3 py-2.5 ring-1 ring-slate-100">
      <div className="flex items-center justify-between gap-2">
        <p className="truncate font-mono text-[13px] font-medium text-slate-900">
          {gw.namespace}/{gw.name}
        </p>
        <StatusPill tone={phase.tone}>{phase.label}</StatusPill>
      </div>
      <dl className="mt-2 grid grid-cols-3 gap-x-3 gap-y-2 text-xs">
        <Fact label="Pods ready" value={`${gw.pods.ready}/${gw.pods.total}`} bad={gw.pods.ready < gw.pods.total || gw.pods.total === 0} />
        <Fact label="Service" value={gw.service?.type ?? "none"} bad={!gw.service} />
        <Fact label="Port 15443" value={gw.service ? (gw.service.has15443 ? "open" : "missing") : "—"} bad={gw.service?.has15443 === false} />
        <div className="col-span-3 min-w-0">
          <dt className="font-medium text-slate-500">Published addresses</dt>
          <dd className={`mt-0.5 font-mono break-words ${gw.service?.addresses.length ? "text-slate-900" : "text-amber-700"}`}>
            {gw.service?.addresses.length ? gw.service.addresses.join(", ") : "not published yet"}
          </dd>
        </div>
      </dl>
      {gw.problems.length > 0 && (
        <ul aria-label="Problems" className={`mt-2 list-disc space-y-0.5 pl-4 text-xs ${gw.phase === "problem" ? "text-rose-800" : "text-amber-800"}`}>
          {gw.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="mt-2 flex items-center justify-between gap-2 text-[11px] text-slate-500">
        <span>
          {gw.managedByConsole ? "Labelled as made by the console" : "Not created by the console (manage it where it was made)"}
          {" · age "}
          {gw.createdAt ? <RelativeTime iso={gw.createdAt} /> : "unknown"}
        </span>
        {gw.managedByConsole && onRemove && (
          <button
            type="button"
            onClick={onRemove}
            disabled={stale}
            aria-label={`Remove ${gw.name} from ${gw.cluster}`}
            className="rounded-md px-2 py-1 font-medium text-rose-700 ring-1 ring-rose-200 hover:bg-rose-50 disabled:opacity-50"
          >
            Remove
          </button>
        )}
      </div>
    </section>
  );
}

function Fact({ label, value, bad }: { label: string; value: string; bad?: boolean }) {
  return (
    <div className="min-w-0">
      <dt className="font-medium text-slate-500">{label}</dt>
      <dd className={`mt-0.5 truncate font-medium ${bad ? "text-amber-700" : "text-slate-900"}`}>{value}</dd>
    </div>
  );
}

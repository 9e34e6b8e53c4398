import { formatSeconds } from "@/lib/drills/duration";
import type { DrillDetail } from "@/server/drills/types";
import { RelativeTime } from "../relative-time";

const CARD = "rounded-xl border border-slate-200 bg-white p-5 shadow-sm";
const H2 = "mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase";
const seconds = (v: number | undefined) => (v === undefined ? "not measured" : formatSeconds(v));

function Figure({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="text-xl font-semibold text-slate-900 tabular-nums">{value}</dd>
      <dd className="text-xs text-slate-500">{note}</dd>
    </div>
  );
}

/** Time to shift, failed requests, time to restore, and the baseline they compare with. */
export function DrillFigures({ drill }: { drill: DrillDetail }) {
  const b = drill.status.baseline;
  const rate = b?.successRate === undefined ? "—" : `${Number((b.successRate * 100).toFixed(1))}%`;
  return (
    <section aria-labelledby="figures-title" className={CARD}>
      <h2 id="figures-title" className={H2}>
        Figures
      </h2>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
        <Figure label="Time to shift" value={seconds(drill.timeToShiftSeconds)} note="fault to first remote answer" />
        <Figure label="Failed requests" value={drill.failedRequests === undefined ? "not measured" : String(drill.failedRequests)} note="probe requests that failed" />
        <Figure label="Time to restore" value={seconds(drill.timeToRestoreSeconds)} note="undo to local serving again" />
      </dl>
      <h3 className="mt-5 mb-1 text-xs font-semibold text-slate-600">Baseline, before the fault</h3>
      {b ? (
        <p className="text-sm text-slate-800">
          {b.requests ?? 0} requests, {rate} succeeded; latency p50 {b.p50LatencyMs ?? "—"} ms, p95 {b.p95LatencyMs ?? "—"} ms.
        </p>
      ) : (
        <p className="text-sm text-slate-600">No baseline recorded (the drill stopped before it, or is not there yet).</p>
      )}
    </section>
  );
}

/** The runner's conditions, each with its reason: why the drill is where it is. */
export function DrillConditions({ drill }: { drill: DrillDetail }) {
  const conditions = drill.status.conditions;
  return (
    <section aria-labelledby="conditions-title" className={CARD}>
      <h2 id="conditions-title" className={H2}>
        Conditions
      </h2>
      {conditions.length === 0 ? (
        <p className="text-sm text-slate-600">None recorded yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {conditions.map((c) => (
            <li key={c.type} className="py-2">
              <p className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-semibold text-slate-900">{c.type}</span>
                <span className={c.status === "True" ? "text-emerald-700" : c.status === "False" ? "text-rose-700" : "text-slate-600"}>{c.status}</span>
                {c.reason && <span className="font-mono text-xs text-slate-600">{c.reason}</span>}
                {c.lastTransitionTime && (
                  <span className="text-xs text-slate-500">
                    <RelativeTime iso={c.lastTransitionTime} />
                  </span>
                )}
              </p>
              {c.message && <p className="text-xs break-words text-slate-700">{c.message}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What the fault changed, as recorded before it was injected, and whether it is back. */
export function DrillUndo({ drill }: { drill: DrillDetail }) {
  const undo = drill.status.undo;
  if (!undo || (undo.deployments.length === 0 && undo.pods.length === 0)) return null;
  return (
    <section aria-labelledby="undo-title" className={CARD}>
      <h2 id="undo-title" className={H2}>
        Undo record
      </h2>
      <p className="mb-2 text-xs text-slate-500">Written to the drill before the fault, so a restarted console can restore from it.</p>
      <ul className="space-y-0.5 text-sm text-slate-800">
        {undo.deployments.map((d) => (
          <li key={d.name}>
            <span className="font-mono">{d.name}</span>: {d.replicas} {d.replicas === 1 ? "replica" : "replicas"} in {drill.ref.cluster}
          </li>
        ))}
        {undo.pods.map((p) => (
          <li key={p.name}>
            Pod <span className="font-mono">{p.name}</span> (fault annotation removed on restore)
          </li>
        ))}
      </ul>
      <p className={`mt-2 text-sm font-medium ${undo.restored ? "text-emerald-700" : "text-amber-800"}`}>{undo.restored ? "Restored." : drill.running ? "Not restored yet: the drill is still running." : "Restore not confirmed."}</p>
    </section>
  );
}

"use client";

import { gatewayStep, type GatewayStep } from "@/lib/workspace-view/progress";
import type { GatewayPreview, WriteResult } from "@/lib/workspace-view/types";
import { CheckIcon, CrossIcon } from "../icons";
import { ConflictList } from "./conflict-list";
import { PRIMARY_BUTTON } from "./dialog-shell";
import { useWorkspaceDetail } from "./use-workspace-detail";

const STEP_LOOK: Record<GatewayStep["step"], string> = {
  waiting: "text-slate-600",
  pods: "text-amber-800",
  address: "text-amber-800",
  ready: "text-emerald-700",
  problem: "text-rose-700",
  stale: "text-slate-500",
};

/** Per-cluster results of the apply, then each gateway's way to ready (pods, then addresses), live. */
export function GatewayApplyProgress({ workspace, preview, results, onDone }: { workspace: string; preview: GatewayPreview; results: WriteResult[]; onDone: () => void }) {
  const ref = (cluster: string) => ({ cluster, name: preview.name, namespace: preview.namespace });
  const { data } = useWorkspaceDetail(workspace, { poll: true });
  const steps = new Map(results.filter((r) => r.ok).map((r) => [r.cluster, gatewayStep(data, ref(r.cluster))]));
  const settled = [...steps.values()].every((s) => s.step === "ready" || s.step === "problem" || s.step === "stale");
  const applied = results.filter((r) => r.ok).length;
  return (
    <div className="space-y-4">
      <p role="status" className="text-sm text-slate-700">
        Applied to {applied} of {results.length} cluster{results.length === 1 ? "" : "s"}.{" "}
        {settled ? "Every applied gateway has settled." : "Waiting for pods to become ready and addresses to be published…"}
      </p>
      <ul aria-label="Apply results" className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
        {results.map((r) => (
          <li key={r.cluster} aria-label={r.cluster} className="px-3 py-2.5">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="w-16 font-semibold text-slate-900">{r.cluster}</span>
              {r.ok ? (
                <span className="inline-flex items-center gap-1 text-sm font-medium text-emerald-700">
                  <CheckIcon className="size-4" /> Applied
                </span>
              ) : (
                <span className="inline-flex items-center gap-1 text-sm font-semibold text-rose-700">
                  <CrossIcon className="size-4" /> {r.kind === "unreachable" ? "Not reached" : r.kind === "conflict" ? "Conflict" : "Rejected by the cluster"}
                </span>
              )}
              {r.ok && <StepText step={steps.get(r.cluster)} />}
            </div>
            {!r.ok && (
              <div className="mt-1 space-y-1.5">
                <p className="font-mono text-xs break-words text-rose-900">{r.message}</p>
                {r.conflicts && r.conflicts.length > 0 && <ConflictList conflicts={r.conflicts} />}
              </div>
            )}
          </li>
        ))}
      </ul>
      <div className="flex justify-end border-t border-slate-100 pt-4">
        <button type="button" className={PRIMARY_BUTTON} onClick={onDone}>
          {settled ? "Done" : "Close (keeps going in the background)"}
        </button>
      </div>
    </div>
  );
}

function StepText({ step }: { step: GatewayStep | undefined }) {
  if (!step) return null;
  const spinning = step.step === "waiting" || step.step === "pods" || step.step === "address";
  return (
    <span className={`inline-flex items-center gap-1.5 text-sm ${STEP_LOOK[step.step]}`}>
      {spinning && <span aria-hidden="true" className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" />}
      {step.step === "ready" ? `Ready · ${step.addresses.join(", ") || "no address"} · 15443` : step.text}
    </span>
  );
}

"use client";

import { sameExposure } from "@/lib/workspace-view/progress";
import type { ExposureApplyResult, ExposureInput, ExposurePreview } from "@/lib/workspace-view/types";
import { CheckIcon } from "../icons";
import { ConflictList } from "./conflict-list";
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from "./dialog-shell";
import { ErrorAlert } from "./error-alert";
import { PropagationChips } from "./propagation-chips";
import { useWorkspaceDetail } from "./use-workspace-detail";

type Props = { workspace: string; sent: ExposureInput; preview: ExposurePreview; result: ExposureApplyResult; onBack: () => void; onDone: () => void };

/** The cluster's answer to the apply; on success, each exposed service's way into the other clusters, live. */
export function ExposureResult({ workspace, sent, preview, result, onBack, onDone }: Props) {
  const { data } = useWorkspaceDetail(workspace, { poll: result.ok });
  if (!result.ok) {
    return (
      <div className="space-y-4">
        <ErrorAlert title={result.kind === "unreachable" ? `${result.cluster} did not answer: nothing was applied` : `${result.cluster} rejected the change`}>
          <p className="mt-0.5 font-mono text-xs break-words">{result.message}</p>
          {result.conflicts && result.conflicts.length > 0 && <div className="mt-2"><ConflictList conflicts={result.conflicts} /></div>}
        </ErrorAlert>
        <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
          <button type="button" className={SECONDARY_BUTTON} onClick={onBack}>
            Back to the preview
          </button>
        </div>
      </div>
    );
  }
  const wanted = sent.exposure.mode === "all" ? (data?.services ?? []).map((s) => s.fqdn) : sent.exposure.services;
  const byFqdn = new Map((data?.propagation ?? []).map((p) => [p.fqdn, p.clusters]));
  const seen = sameExposure(data?.exposure, sent.exposure);
  // Settled: received, stale (nothing moves until it answers) or blocked by an object the console will not touch.
  const settled = (c: { state: string }) => c.state === "complete" || c.state === "stale" || c.state === "conflict";
  const done = seen && wanted.every((f) => (byFqdn.get(f) ?? []).every(settled));
  const blocked = wanted.some((f) => (byFqdn.get(f) ?? []).some((c) => c.state === "conflict"));
  return (
    <div className="space-y-4">
      <p role="status" className="inline-flex items-center gap-1.5 text-sm font-medium text-emerald-700">
        <CheckIcon className="size-4" />
        Applied WorkspaceSetting {preview.target.namespace}/{preview.target.name} on {result.cluster}.
      </p>
      <p className="text-sm text-slate-600">
        {!data?.propagation
          ? "The registry is not running in this console: the mesh's own control plane propagates the change."
          : done && blocked
            ? "Every cluster that needs them has received the exposed services, except where an object the console did not make holds a name it needs (marked below): remove or rename that object."
            : done
            ? "Every cluster that needs them has received the exposed services."
            : "The registry is writing ServiceEntries and shadow WorkloadEntries to the other clusters…"}
      </p>
      {data?.propagation && !seen && (
        <p className="text-sm text-slate-500">Waiting for the console to see the new setting…</p>
      )}
      {data?.propagation && seen && (
        <ul aria-label="Propagation" className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
          {wanted.map((fqdn) => (
            <li key={fqdn} aria-label={fqdn} className="px-3 py-2">
              <p className="font-mono text-[13px] text-slate-900">{fqdn}</p>
              <div className="mt-1">
                {byFqdn.has(fqdn) ? <PropagationChips clusters={byFqdn.get(fqdn) ?? []} /> : <span className="text-xs text-slate-500">Waiting for the registry to plan it…</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="flex justify-end border-t border-slate-100 pt-4">
        <button type="button" className={PRIMARY_BUTTON} onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

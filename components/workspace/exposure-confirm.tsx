"use client";

import { useState } from "react";
import type { ExposurePreview } from "@/lib/workspace-view/types";
import { CodeBlock } from "./code-block";
import { DANGER_BUTTON, PRIMARY_BUTTON, SECONDARY_BUTTON } from "./dialog-shell";
import { ErrorAlert } from "./error-alert";
import { ExposurePreviewTabs } from "./exposure-preview-tabs";
import { ExposureSummaryNote } from "./exposure-summary-note";

type Props = {
  preview: ExposurePreview;
  /** The workspace's clusters: the registry carries the setting to every one of them. */
  clusters: readonly string[];
  applying: boolean;
  applyError: unknown;
  onBack: () => void;
  onApply: (force: boolean) => void;
};

/** "all 3 clusters", "west": where an applied setting takes effect. */
function reach(clusters: readonly string[]): string {
  if (clusters.length === 1) return clusters[0] ?? "";
  return `all ${clusters.length} clusters`;
}

/** The summary, the preview, the expose-all caveat, the explicit force choice on a conflict, and the apply button. */
export function ExposureConfirm({ preview, clusters, applying, applyError, onBack, onApply }: Props) {
  const [force, setForce] = useState(false);
  const { target, dryRun } = preview;
  const conflict = !dryRun.ok && dryRun.kind === "conflict";
  const blocked = !dryRun.ok && !conflict;
  // The cluster would store exactly what it holds: applying writes nothing and changes nothing anywhere.
  const unchanged = target.exists && preview.diff.kind === "no-changes";
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        {target.exists ? "Updates" : "Creates"} WorkspaceSetting{" "}
        <span className="font-mono font-medium text-slate-900">
          {target.namespace}/{target.name}
        </span>{" "}
        on {target.cluster}; the registry carries it to {clusters.length === 1 ? "the workspace's cluster" : `the workspace's ${clusters.length} clusters`}. Nothing has been
        written yet.
      </p>
      <ExposureSummaryNote preview={preview} />
      <ExposurePreviewTabs preview={preview} />
      {preview.exposeAllBlock && (
        <div role="note" aria-label="Expose all is blocked" className="space-y-2 rounded-lg bg-amber-50 px-3 py-2.5 text-sm text-amber-900 ring-1 ring-amber-200">
          <p className="font-semibold">“Expose all” will not take effect yet</p>
          <p>{preview.exposeAllBlock.message}</p>
          <CodeBlock label="Command that removes exposedServices" text={preview.exposeAllBlock.command} maxHeight="max-h-24" />
        </div>
      )}
      {conflict && (
        <div className="rounded-lg bg-rose-50 px-3 py-2.5 text-sm text-rose-900 ring-1 ring-rose-200">
          <p>Another field manager owns fields this change sets (see “Server dry-run”). Fix it there, or take them over:</p>
          <label className="mt-2 flex items-start gap-2 font-medium">
            <input type="checkbox" className="mt-0.5 size-4 accent-rose-600" checked={force} onChange={(e) => setForce(e.target.checked)} />
            Force ownership: take these fields from their current managers (their next apply will conflict)
          </label>
        </div>
      )}
      {blocked && <ErrorAlert title="The API server would reject this change">{<p className="mt-0.5 font-mono text-xs">{dryRun.message}</p>}</ErrorAlert>}
      {applyError !== null && applyError !== undefined && <ErrorAlert title="Nothing was applied" error={applyError} />}
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
        <button type="button" className={SECONDARY_BUTTON} onClick={onBack} disabled={applying}>
          Back
        </button>
        <button
          type="button"
          className={force ? DANGER_BUTTON : PRIMARY_BUTTON}
          onClick={() => onApply(force)}
          disabled={applying || blocked || unchanged || (conflict && !force)}
        >
          {applying ? "Applying…" : `Apply${force ? " with force" : ""} to ${reach(clusters)}`}
        </button>
      </div>
    </div>
  );
}

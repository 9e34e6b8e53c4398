"use client";

import { exposureSummary } from "@/lib/workspace-view/exposure-summary";
import type { ExposurePreview } from "@/lib/workspace-view/types";

/** The change in plain words, before the per-object rows: which services become or stop being reachable where. */
export function ExposureSummaryNote({ preview }: { preview: ExposurePreview }) {
  const sentences = exposureSummary(preview.reachability);
  const nothing = preview.diff.kind === "no-changes";
  return (
    <section aria-label="What changes" className="rounded-lg bg-slate-50 px-3 py-2.5 text-sm text-slate-800 ring-1 ring-slate-200">
      {nothing ? (
        <p>Nothing would change: the live WorkspaceSetting already says this.</p>
      ) : sentences.length === 0 ? (
        <p>No cluster gains or loses a service: the setting changes, what each cluster reaches does not.</p>
      ) : (
        <ul className="space-y-0.5">
          {sentences.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

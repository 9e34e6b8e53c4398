"use client";

import { drillReportJson, drillReportMarkdown } from "@/lib/drills/report";
import type { DrillDetail } from "@/server/drills/types";
import { SECONDARY_BUTTON } from "../workspace/dialog-shell";

/** Saves `text` as a file, through a temporary object URL (nothing leaves the browser). */
function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  // Revoked after the click has been handled: the download has its own reference to the blob by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Export the report (lib/drills/report.ts): Markdown for a ticket or a post-mortem, JSON for tools. Both are built
 * from the drill's spec and status alone, so they say the same whichever console exports them.
 */
export function DrillExport({ drill }: { drill: DrillDetail }) {
  const base = `drill-${drill.ref.cluster}-${drill.ref.namespace}-${drill.ref.name}`;
  return (
    <div role="group" aria-label="Export the report" className="flex gap-2">
      <button type="button" className={SECONDARY_BUTTON} onClick={() => download(`${base}.md`, "text/markdown", drillReportMarkdown(drill))}>
        Export Markdown
      </button>
      <button type="button" className={SECONDARY_BUTTON} onClick={() => download(`${base}.json`, "application/json", `${JSON.stringify(drillReportJson(drill), null, 2)}\n`)}>
        Export JSON
      </button>
    </div>
  );
}

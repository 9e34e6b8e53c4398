"use client";

import type { DrillDetail } from "@/server/drills/types";
import { SECONDARY_BUTTON } from "../workspace/dialog-shell";

/** Saves `text` as a file, through a temporary object URL (nothing leaves the browser). */
function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** Export the report: JSON (the drill as the console read it). */
export function DrillExport({ drill }: { drill: DrillDetail }) {
  const base = `drill-${drill.ref.cluster}-${drill.ref.namespace}-${drill.ref.name}`;
  return (
    <div role="group" aria-label="Export the report" className="flex gap-2">
      <button type="button" className={SECONDARY_BUTTON} onClick={() => download(`${base}.json`, "application/json", `${JSON.stringify(drill, null, 2)}\n`)}>
        Export JSON
      </button>
    </div>
  );
}

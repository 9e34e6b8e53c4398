"use client";

import { useState } from "react";
import { SECONDARY_BUTTON } from "../workspace/dialog-shell";
import { RunDrillDialog, type DrillTarget } from "./run-drill-dialog";

const COMPACT =
  "mt-1.5 inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium text-indigo-700 ring-1 ring-indigo-200 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-500";

/**
 * "Run failover drill" for one service in one cluster. The confirmation (and the tRPC hooks behind it) mounts only
 * when opened, so a table with a button per cell costs nothing until one is pressed.
 */
export function RunDrillButton({ target, compact = false }: { target: DrillTarget; compact?: boolean }) {
  const [open, setOpen] = useState(false);
  // The compact button's place (a cell of the service's row, under its cluster's column) says which service and
  // cluster; screen readers hear them after the visible words, so the name starts with what is seen (WCAG 2.5.3).
  return (
    <>
      <button type="button" className={compact ? COMPACT : SECONDARY_BUTTON} onClick={() => setOpen(true)}>
        Run failover drill
        {compact && (
          <span className="sr-only">
            {" "}
            on {target.service} in {target.cluster}
          </span>
        )}
      </button>
      {open && <RunDrillDialog target={target} onClose={() => setOpen(false)} />}
    </>
  );
}

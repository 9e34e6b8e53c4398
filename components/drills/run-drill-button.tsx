"use client";

import { useId, useState } from "react";
import { useAbilities } from "../auth/abilities-provider";
import { gateProps, REFUSED_LOOK } from "../auth/gate-props";
import { SECONDARY_BUTTON } from "../workspace/dialog-shell";
import { RunDrillDialog, type DrillTarget } from "./run-drill-dialog";

const COMPACT =
  "mt-1.5 inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium text-indigo-700 ring-1 ring-indigo-200 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-500";

/**
 * "Run failover drill" for one service in one cluster. The confirmation (and the tRPC hooks behind it) mounts only
 * when opened, so a table with a button per cell costs nothing until one is pressed. Drills need the app-owner role
 * (globally, or in a workspace spanning the namespace; `workspaces` names the ones the page knows): when the person
 * lacks it the button stays, refused, and says why (always in the panel; in a table cell when pressed, to keep
 * the table readable; screen readers hear it either way).
 */
export function RunDrillButton({ target, compact = false, workspaces }: { target: DrillTarget; compact?: boolean; workspaces?: readonly string[] }) {
  const [open, setOpen] = useState(false);
  const [why, setWhy] = useState(false);
  const reasonId = useId();
  const scope = { kind: "namespace" as const, cluster: target.cluster, namespace: target.namespace };
  const ability = useAbilities().can({ role: "app-owner", action: "starting a failover drill", scope, ...(workspaces ? { workspaces } : {}) });
  const showReason = !ability.allowed && !ability.pending && (!compact || why);
  // The compact button's place (a cell of the service's row, under its cluster's column) says which service and
  // cluster; screen readers hear them after the visible words, so the name starts with what is seen (WCAG 2.5.3).
  return (
    <>
      <button type="button" className={`${compact ? COMPACT : SECONDARY_BUTTON} ${REFUSED_LOOK}`} {...gateProps(ability, reasonId, () => setOpen(true), () => setWhy(!why))}>
        Run failover drill
        {compact && (
          <span className="sr-only">
            {" "}
            on {target.service} in {target.cluster}
          </span>
        )}
      </button>
      {!ability.allowed && (
        <span id={reasonId} role={showReason ? "note" : undefined} className={showReason ? `block text-xs text-slate-600 ${compact ? "mt-1 max-w-48" : "mt-1 basis-full"}` : "sr-only"}>
          {ability.reason}
        </span>
      )}
      {open && <RunDrillDialog target={target} onClose={() => setOpen(false)} />}
    </>
  );
}

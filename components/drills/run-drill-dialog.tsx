"use client";

import { useState } from "react";
import type { DrillRef } from "@/server/drills/types";
import { DialogShell } from "../workspace/dialog-shell";
import { DrillConfirm } from "./drill-confirm";
import { DrillProgress } from "./drill-progress";

/** What a drill is run on: a Service of a namespace in one cluster. */
export type DrillTarget = { cluster: string; namespace: string; service: string };

/**
 * The drill's confirmation, then its progress in the same dialog: first what it will do (drills.plan) with the
 * duration editable within the cap, then, once started, the live timeline with Abort and a link to the report.
 * Closing the dialog does not stop a drill: the runner goes on, and the Drills page shows it.
 */
export function RunDrillDialog({ target, onClose }: { target: DrillTarget; onClose: () => void }) {
  const [started, setStarted] = useState<DrillRef | null>(null);
  return (
    <DialogShell
      open
      wide
      onOpenChange={(open) => !open && onClose()}
      title={`Failover drill: ${target.service} in ${target.cluster}`}
      description={started ? "The drill runs in the cluster; closing this leaves it running. Abort restores at once." : `Fails ${target.service} in ${target.cluster} on purpose, proves traffic moves to another cluster, then restores it.`}
    >
      {started ? <DrillProgress drill={started} /> : <DrillConfirm target={target} onStarted={setStarted} onCancel={onClose} />}
    </DialogShell>
  );
}

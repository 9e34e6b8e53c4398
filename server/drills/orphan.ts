// A drill deleted while its fault may still be in place (its undo recorded, not marked restored): the object and
// its undo record are gone from the cluster, so the runner undoes the fault from the last drill it saw — scales
// back what it scaled, heals what it faulted, removes the probe — rather than leave a Deployment at zero. The
// actions are the machine's own kinds, carried out by the same code (execute.ts).
import type { DrillAction } from "@/lib/drills/machine-types";
import type { FailoverDrill } from "@/lib/drills/schema";
import { probePodName } from "@/lib/drills/probe-pod";

/** What undoes the fault of a drill last seen as `drill`; empty when nothing was (or is still) injected. */
export function orphanRestore(drill: FailoverDrill): DrillAction[] {
  const undo = drill.status?.undo;
  if (!undo || undo.restored) return [];
  const actions: DrillAction[] = [
    ...undo.deployments.map((d): DrillAction => ({ type: "scale", deployment: d.name, replicas: d.replicas })),
    ...undo.pods.map((p): DrillAction => ({ type: "fault-pod", pod: p.name, on: false })),
  ];
  const probe = undo.probePod ?? probePodName(drill.metadata.name);
  return [...actions, { type: "delete-probe", name: probe }];
}

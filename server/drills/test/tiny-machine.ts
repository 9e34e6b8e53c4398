// Test-only: a tiny phase machine with the real one's contract (lib/drills/machine-types.ts), so the runner is
// tested on its own: Pending → Injecting (undo recorded, scale to 0) → Observing (rechecks every `recheckMs`) →
// Restoring (after `observeMs`, or on abort) → Succeeded/Aborted once the replicas are back.
import type { DrillMachine } from "@/lib/drills/machine-types";
import type { DrillStatus } from "@/lib/drills/schema";

export function tinyMachine(options: { observeMs: number; recheckMs: number }): DrillMachine & { calls: number } {
  const machine = Object.assign(
    (world: Parameters<DrillMachine>[0]) => {
      machine.calls += 1;
      const status: DrillStatus = world.drill.status ?? { conditions: [], timeline: [] };
      const at = new Date(world.now).toISOString();
      const go = (phase: DrillStatus["phase"], extra: Partial<DrillStatus> = {}): DrillStatus => ({ ...status, ...extra, phase, timeline: [...status.timeline, { phase: phase ?? "", at }] });
      const undo = status.undo;
      const restore = undo?.deployments.filter((d) => world.deployments.find((w) => w.name === d.name)?.replicas !== d.replicas).map((d) => ({ type: "scale" as const, deployment: d.name, replicas: d.replicas })) ?? [];
      const phase = status.phase ?? "Pending";
      if (phase === "Succeeded" || phase === "Aborted") return { status, actions: [] };
      if (world.drill.spec.abort || phase === "Restoring") {
        if (restore.length > 0) return { status: phase === "Restoring" ? status : go("Restoring"), actions: restore, recheckAfterMs: options.recheckMs };
        const end = world.drill.spec.abort ? "Aborted" : "Succeeded";
        return { status: go(end, { undo: { ...(undo ?? { deployments: [], pods: [] }), restored: true } }), actions: [] };
      }
      if (phase === "Pending") {
        const deployments = world.deployments.map((d) => ({ name: d.name, replicas: d.replicas }));
        return { status: go("Injecting", { startedAt: at, undo: { deployments, pods: [] } }), actions: deployments.map((d) => ({ type: "scale" as const, deployment: d.name, replicas: 0 })) };
      }
      if (phase === "Injecting") return { status: go("Observing"), actions: [], recheckAfterMs: options.recheckMs };
      const since = Date.parse(status.timeline.at(-1)?.at ?? at);
      if (world.now - since >= options.observeMs) return { status: go("Restoring"), actions: restore, recheckAfterMs: options.recheckMs };
      return { status, actions: [], recheckAfterMs: options.recheckMs };
    },
    { calls: 0 },
  );
  return machine;
}

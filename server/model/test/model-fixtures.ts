// Test support for the fleet model: a snapshot source the test sets, and planner hosts that count or hold calls.
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { PlanInput } from "@/lib/plan/input";
import type { PlanResult } from "@/lib/plan/plan";
import { createPlannerHost } from "../planner-host";
import type { ModelSource } from "../fleet-model";
import type { PlannerHost } from "../types";

export function settableSource(initial?: FleetSnapshot): ModelSource & { set(snapshot: FleetSnapshot): void } {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    current: () => current,
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    set(snapshot) {
      current = snapshot;
      for (const l of listeners) l();
    },
  };
}

/** The in-process planner host, with every plan() input recorded; `hold()` keeps answers back until released. */
export function recordingHost(): PlannerHost & { planned: PlanInput[]; hold(): () => void; inFlight(): number } {
  const inner = createPlannerHost({ inProcess: true });
  const planned: PlanInput[] = [];
  let gate: Promise<void> | undefined;
  let flying = 0;
  let maxFlying = 0;
  return {
    planned,
    hold() {
      let release = () => undefined as void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
    inFlight: () => maxFlying,
    async plan(input): Promise<PlanResult> {
      planned.push(input);
      flying++;
      maxFlying = Math.max(maxFlying, flying);
      try {
        const waitFor = gate;
        const result = await inner.plan(input);
        if (waitFor) await waitFor;
        return result;
      } finally {
        flying--;
      }
    },
    fork: (changed) => inner.fork(changed),
    preview: (changed, query) => inner.preview(changed, query),
    stop: () => inner.stop(),
  };
}

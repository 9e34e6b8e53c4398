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

/** A promise answers wait for while held; `hold()` returns the release. */
function latch() {
  let held: Promise<void> | undefined;
  return {
    current: () => held,
    hold(): () => void {
      let release = () => undefined as void;
      held = new Promise<void>((resolve) => (release = resolve));
      return () => {
        held = undefined;
        release();
      };
    },
  };
}

/**
 * The in-process planner host, with every plan() input recorded and every call's kind in `calls` (in the order
 * they reached the host); `hold()` keeps plan answers back until released, `holdPreviews()` preview answers.
 */
export function recordingHost(): PlannerHost & { planned: PlanInput[]; calls: string[]; hold(): () => void; holdPreviews(): () => void; inFlight(): number } {
  const inner = createPlannerHost({ inProcess: true });
  const planned: PlanInput[] = [];
  const calls: string[] = [];
  const plans = latch();
  const previews = latch();
  let flying = 0;
  let maxFlying = 0;
  return {
    planned,
    calls,
    hold: plans.hold,
    holdPreviews: previews.hold,
    inFlight: () => maxFlying,
    async plan(input): Promise<PlanResult> {
      planned.push(input);
      calls.push("plan");
      flying++;
      maxFlying = Math.max(maxFlying, flying);
      try {
        const waitFor = plans.current();
        const result = await inner.plan(input);
        if (waitFor) await waitFor;
        return result;
      } finally {
        flying--;
      }
    },
    fork: (changed) => inner.fork(changed),
    async preview(changed, query) {
      calls.push("preview");
      const waitFor = previews.current();
      const answer = await inner.preview(changed, query);
      if (waitFor) await waitFor;
      return answer;
    },
    stop: () => inner.stop(),
  };
}

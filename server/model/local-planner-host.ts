// A planner host on this thread: the warm incremental planner called directly, calls served in order. For
// tests and scripts that want the fleet model without a worker; the running console uses the worker host
// (server/model/planner-host.ts), so no plan runs on its event loop. A fork plans the changed input cold on a
// planner of its own (the warm one's memory stays the current input's).
import type { PlanInput } from "@/lib/plan/input";
import type { PlanResult } from "@/lib/plan/plan";
import { createPlanner } from "@/lib/plan/planner";
import { planChanges } from "./plan-changes";
import type { PlannerHost } from "./types";

export function createLocalPlannerHost(): PlannerHost {
  const planner = createPlanner();
  let last: { input: PlanInput; plan: PlanResult } | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let stopped = false;

  function serve<T>(work: () => T): Promise<T> {
    const done = queue.then(() => {
      if (stopped) throw new Error("planner host stopped");
      return work();
    });
    queue = done.catch(() => undefined);
    return done;
  }

  return {
    plan: (input) =>
      serve(() => {
        const plan = planner.plan(input);
        last = { input, plan };
        return plan;
      }),
    fork: (changed) =>
      serve(() => {
        if (!last) throw new Error("nothing planned yet to fork from");
        const after = createPlanner().plan(changed);
        return { before: last.plan, input: last.input, after, delta: planChanges(last.plan, after) };
      }),
    stop: async () => {
      stopped = true;
      await queue;
    },
  };
}

// Test support: a preview's fork without a whole fleet model — the planner host (in process) plans `input`
// warm, then forks it with the change and answers with the PlanDelta, exactly as the model's fork does.
import type { PlanInput } from "@/lib/plan/input";
import { withChanged } from "@/server/model/fork-result";
import { createPlannerHost } from "@/server/model/planner-host";
import type { FleetModel, ForkResult } from "@/server/model/types";

export async function forkOf(input: PlanInput, change: (input: PlanInput) => PlanInput): Promise<ForkResult> {
  const host = createPlannerHost({ inProcess: true });
  try {
    await host.plan(input);
    const changed = change(input);
    return withChanged(await host.fork(changed), changed);
  } finally {
    await host.stop();
  }
}

/** A FleetModel["fork"] over a fixed input, for the pure consequence tests. */
export const forkOver = (input: PlanInput): FleetModel["fork"] => (change) => forkOf(input, change);

/** A FleetModel["preview"] over a fixed input: the same in-process planner core answers the query, as the worker would. */
export const previewOver =
  (input: PlanInput): FleetModel["preview"] =>
  async (change, query) => {
    const host = createPlannerHost({ inProcess: true });
    try {
      await host.plan(input);
      return { input, answer: await host.preview(change(input), query) };
    } finally {
      await host.stop();
    }
  };

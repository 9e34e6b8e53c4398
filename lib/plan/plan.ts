// plan(input) → the objects each cluster should have, and conditions explaining what could not be planned.
// Pure and deterministic: equal inputs give byte-identical output (objects sorted by kind/namespace/name,
// conditions sorted), so a no-op resync can be recognised by comparison.
//
// Partitions: a stale cluster is passed with its last known state (`stale: true`). Its state still feeds
// the plan, so nothing generated *from* it disappears; objects *in* it are planned, and the cluster is listed
// in `heldBack`, telling the controller to neither write nor delete there until it is fresh again. The
// controller must also never delete an owned object whose source-clusters annotation names a held cluster.
//
// A long-lived caller (the registry controller) uses createPlanner() instead, which gives the same output but
// rebuilds only what changed since its previous plan; plan() is a planner used once.
import type { PlanInput } from "./input";
import type { PlanResult } from "./plan-result";
import { createPlanner } from "./planner";

export type { HeldBack, PlanResult } from "./plan-result";

export function plan(input: PlanInput): PlanResult {
  return createPlanner().plan(input);
}

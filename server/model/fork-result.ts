// A fork's result with its `after` plan made only when read. Previews read the current plan and the delta
// (server/workspaces/consequences.ts); `after` — the current plan patched with the delta — is read only when a
// foreign object holds a planned name. Patching every changed cluster's list for every preview allocated tens of
// large arrays (a cluster plans ~29,000 objects at 20 × 500) straight into the old generation, for nothing.
import { applyPlanDelta, type PlanDelta } from "@/lib/plan/plan-delta";
import type { PlanInput } from "@/lib/plan/input";
import type { PlanResult } from "@/lib/plan/plan-result";
import type { ForkResult } from "./types";

/** `{ before, input, delta, after }` (plus `changed` when given), `after` computed once on first read. */
export function forkResult<C extends PlanInput | undefined>(parts: { before: PlanResult; input: PlanInput; delta: PlanDelta; changed?: C }): C extends PlanInput ? ForkResult : Omit<ForkResult, "changed"> {
  let after: PlanResult | undefined;
  const result = { ...parts };
  Object.defineProperty(result, "after", {
    enumerable: true,
    get: () => (after ??= applyPlanDelta(parts.before, parts.delta)),
  });
  return result as unknown as C extends PlanInput ? ForkResult : Omit<ForkResult, "changed">;
}

/** The same fork with its changed input: `after` stays lazy (a spread would compute it). */
export function withChanged(result: Omit<ForkResult, "changed">, changed: PlanInput): ForkResult {
  return Object.defineProperties({ changed }, Object.getOwnPropertyDescriptors(result)) as ForkResult;
}

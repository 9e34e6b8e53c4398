// Builders for the readiness tests: the planner's seed fixture seen through a readiness context.
// Not a test file itself; imported by the *.test.ts files of lib/readiness.
import type { DestinationRuleInput, PlanInput } from "@/lib/plan/input";
import { readinessContext, type ContextOptions, type ReadinessContext } from "./context";

export function contextOf(input: PlanInput, options: ContextOptions = {}): ReadinessContext {
  const ws = input.workspaces[0];
  if (!ws) throw new Error("fixture has no workspace");
  return readinessContext(input, ws, options);
}

export function rule(host: string, overrides: Partial<DestinationRuleInput> = {}): DestinationRuleInput {
  return { namespace: "bookinfo", name: `${host.split(".")[0] ?? host}-dr`, host, managedByUs: false, hasOutlierDetection: true, ...overrides };
}

// The per-workspace HA readiness checklist (seed "prerequisites" + what failover needs in practice, domain.md
// §3.6 and §5): computed from the planner's input, with the planner's own helpers, in a fixed order.
import type { PlanInput } from "@/lib/plan/input";
import type { FieldError } from "@/lib/validation/field-error";
import { checkFreshClusters } from "./check-fresh-clusters";
import { checkGateways } from "./check-gateways";
import { checkNamespaces } from "./check-namespaces";
import { checkOutlierDetection } from "./check-outlier-detection";
import { checkPorts } from "./check-ports";
import { checkSelector } from "./check-selector";
import { readinessContext, type ContextOptions } from "./context";
import type { ChecklistItem } from "./types";

export type HaChecklist = { workspace: string; ready: boolean; items: ChecklistItem[] };

const CHECKS = [checkNamespaces, checkSelector, checkGateways, checkPorts, checkOutlierDetection, checkFreshClusters];

export function haChecklist(
  input: PlanInput,
  workspace: string,
  options: ContextOptions = {},
): { ok: true; checklist: HaChecklist } | { ok: false; error: FieldError } {
  const ws = input.workspaces.find((w) => w.name === workspace);
  if (!ws) return { ok: false, error: { field: "workspace", message: `workspace "${workspace}" does not exist on the management cluster.` } };
  const ctx = readinessContext(input, ws, options);
  const items = CHECKS.map((check) => check(ctx));
  return { ok: true, checklist: { workspace, ready: items.every((i) => i.status === "pass"), items } };
}

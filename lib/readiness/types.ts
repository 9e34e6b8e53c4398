// One line of the HA readiness checklist: a status, why, and what to do. `fix` names the console action or the
// kubectl command; `command`, when present, is a complete command a person can copy.
export type CheckStatus = "pass" | "fail" | "warn";

export type CheckId = "namespace-exists" | "namespace-selector" | "gateways" | "service-ports" | "outlier-detection" | "clusters-fresh";

export type ChecklistItem = {
  id: CheckId;
  status: CheckStatus;
  title: string;
  /** What was found, as a sentence (naming the clusters/services concerned). */
  reason: string;
  /** What to do; "Nothing to do." when the check passes. */
  fix: string;
  command?: string;
};

export const NOTHING_TO_DO = "Nothing to do.";

export function pass(id: CheckId, title: string, reason: string): ChecklistItem {
  return { id, status: "pass", title, reason, fix: NOTHING_TO_DO };
}

// A cluster's answer to a write, as the audit entry's outcome (server/audit/types.ts): written; refused by the
// cluster (401 credentials, 403 RBAC or impersonation: nothing written); or failed for any other reason.
import type { AuditOutcome } from "@/server/audit/types";
import type { ConsoleFailure } from "./console-outcome";

export function auditOutcome(outcome: { ok: true } | ({ ok: false } & ConsoleFailure), note?: string): { outcome: AuditOutcome; detail?: string } {
  if (outcome.ok) return { outcome: "ok", ...(note ? { detail: note } : {}) };
  const refused = outcome.kind === "rejected" && (outcome.status === 401 || outcome.status === 403);
  return { outcome: refused ? "refused" : "failed", detail: outcome.message };
}

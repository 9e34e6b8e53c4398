// The audit log line: one JSON object per write made on a person's behalf, on the console's log, so a log pipeline
// keeps what the cluster's Events forget after their TTL. Built from the same bounded facts as the Event's
// annotation (who, from where, what, how it ended), which never hold a token, a cookie or a header value.
import { auditFacts } from "./event-body";
import type { AuditEntry } from "./types";

export function auditLogLine(entry: AuditEntry, now: Date): string {
  const { v: _v, ...facts } = auditFacts(entry);
  void _v;
  const { apiVersion, kind, namespace, name, uid } = entry.object;
  const object = { apiVersion, kind, ...(namespace ? { namespace } : {}), name, ...(uid ? { uid } : {}) };
  return JSON.stringify({ at: now.toISOString(), event: "audit", ...facts, object });
}

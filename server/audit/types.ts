// The audit contract (issue 14): every write the console makes on a person's behalf is recorded once, after the
// cluster answered, as a Kubernetes Event on the object (who, what, from where) and one structured log line.
// Writers (server/kube, server/workspaces, server/drills) call `AuditSink.record`; server/audit implements it.
// Pure types and constants; no I/O.
import type { Actor } from "@/server/auth/identity";

/**
 * What the console did. Kubernetes verbs for plain writes; drill actions by name, since starting a drill is a
 * create and aborting it a patch, and the page says "started" / "aborted", not "created" / "patched".
 */
export const AUDIT_VERBS = ["apply", "create", "patch", "delete", "start-drill", "abort-drill"] as const;
export type AuditVerb = (typeof AUDIT_VERBS)[number];

/**
 * How the cluster answered: `ok` it was written; `refused` the cluster (401/403: its RBAC, impersonation) or the
 * console's role gate said no, nothing written; `failed` anything else (conflict, invalid, unreachable, timeout).
 */
export const AUDIT_OUTCOMES = ["ok", "refused", "failed"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** The object written (or that a refused write aimed at). `namespace` absent: cluster-scoped. `uid` when known. */
export type AuditObject = { apiVersion: string; kind: string; namespace?: string; name: string; uid?: string };

export type AuditEntry = {
  /** Who: absent in mode `none` (the console's own kubeconfig user acting for the person at this machine). */
  actor: Actor | undefined;
  /** The cluster written to (the fleet's cluster name). */
  cluster: string;
  verb: AuditVerb;
  object: AuditObject;
  outcome: AuditOutcome;
  /**
   * One short sentence for refused/failed writes (the cluster's reason) or a note on an ok one (e.g. "dry run",
   * "forced"). Never a token, a cookie, a header value or a request body.
   */
  detail?: string;
};

/**
 * Where writes are recorded. `record` returns at once and never throws: recording runs in the background with its
 * own deadline, and a failure to record is logged, never shown as the write's failure (the write already happened).
 */
export type AuditSink = { record(entry: AuditEntry): void };

/** A sink that records nothing: for tests and callers that have none (the parameter stays optional). */
export const NO_AUDIT: AuditSink = { record: () => undefined };

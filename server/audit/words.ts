// How an audit entry is said: the Event's reason, the verb in a sentence, the person. Shared by the Event's note
// (server/audit/event-body.ts) and the Activity panel (components/audit), so kubectl and the page say the same.
// Pure; safe in a browser bundle.
import type { AuthMode } from "@/server/auth/identity";
import type { AuditObject, AuditOutcome, AuditVerb } from "./types";

/** The Event's `reason` (CamelCase, as Kubernetes reasons are): what was done and how it ended. */
const REASONS: Readonly<Record<AuditVerb, Readonly<Record<AuditOutcome, string>>>> = {
  apply: { ok: "ConsoleApplied", refused: "ConsoleApplyRefused", failed: "ConsoleApplyFailed" },
  create: { ok: "ConsoleCreated", refused: "ConsoleCreateRefused", failed: "ConsoleCreateFailed" },
  patch: { ok: "ConsolePatched", refused: "ConsolePatchRefused", failed: "ConsolePatchFailed" },
  delete: { ok: "ConsoleDeleted", refused: "ConsoleDeleteRefused", failed: "ConsoleDeleteFailed" },
  "start-drill": { ok: "DrillStarted", refused: "DrillStartRefused", failed: "DrillStartFailed" },
  "abort-drill": { ok: "DrillAborted", refused: "DrillAbortRefused", failed: "DrillAbortFailed" },
};

export function auditReason(verb: AuditVerb, outcome: AuditOutcome): string {
  return REASONS[verb][outcome];
}

/** The verb done ("applied") and the verb to do ("apply"), for "alice applied …" and "alice was refused to apply …". */
const PAST: Readonly<Record<AuditVerb, string>> = { apply: "applied", create: "created", patch: "changed", delete: "deleted", "start-drill": "started", "abort-drill": "aborted" };
const BARE: Readonly<Record<AuditVerb, string>> = { apply: "apply", create: "create", patch: "change", delete: "delete", "start-drill": "start", "abort-drill": "abort" };

export const verbDone = (verb: AuditVerb) => PAST[verb];
export const verbToDo = (verb: AuditVerb) => BARE[verb];

/** "IngressGateway bookinfo/eastwest-gw", "Namespace bookinfo" (cluster-scoped). */
export function objectWords(object: Pick<AuditObject, "kind" | "namespace" | "name">): string {
  return `${object.kind} ${object.namespace ? `${object.namespace}/` : ""}${object.name}`;
}

/** Who, as a person reads it: the user name, or the console's own credentials in mode none. */
export function actorWords(user: string | undefined): string {
  return user ?? "the console's own user (no sign-in)";
}

/** How the person reached the console, for "from where". */
const MODE_WORDS: Readonly<Record<AuthMode, string>> = { none: "on this machine", proxy: "through the authenticating proxy", oidc: "signed in with OpenID Connect" };

export function whereWords(mode: AuthMode, address: string | undefined): string {
  return address ? `from ${address}, ${MODE_WORDS[mode]}` : MODE_WORDS[mode];
}

/** The whole sentence: "alice applied IngressGateway bookinfo/gw in east from 10.0.0.7, signed in with OpenID Connect." */
export function auditSentence(parts: { user: string | undefined; mode: AuthMode; address: string | undefined; verb: AuditVerb; outcome: AuditOutcome; object: AuditObject; cluster: string; detail?: string }): string {
  const who = actorWords(parts.user);
  const what = `${objectWords(parts.object)} in ${parts.cluster}`;
  const where = whereWords(parts.mode, parts.address);
  const why = parts.detail ? `: ${parts.detail}` : "";
  if (parts.outcome === "ok") return `${who} ${verbDone(parts.verb)} ${what} ${where}${why ? ` (${parts.detail})` : ""}.`;
  if (parts.outcome === "refused") return `${who} was refused to ${verbToDo(parts.verb)} ${what} ${where}${why}.`;
  return `${who} tried to ${verbToDo(parts.verb)} ${what} ${where}; it failed${why}.`;
}

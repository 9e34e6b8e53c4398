// The parts of every error response that depend on its cause: a message and one `fieldErrors` list. Bounded
// whatever the cause: at most MAX_FIELD_ERRORS entries (plus one counting the rest), each message cut, and a zod
// error's raw message (its issues as JSON, which could quote the input) never reaches the browser.
import { capFieldErrors, grouped, quoted, truncated } from "@/lib/validation/bounded-text";
import type { FieldError } from "@/lib/validation/field-error";
import { MAX_FIELD_ERRORS, MAX_MESSAGE_CHARS } from "@/lib/validation/limits";
import { asDomainError, fieldErrorsOfDomain } from "./errors";

type Issue = { path: readonly PropertyKey[]; message: string };
type Parts = { message: string; fieldErrors: FieldError[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** A zod error, recognised by shape (zod may be loaded in more than one module graph too). */
function zodIssues(cause: unknown): readonly Issue[] | undefined {
  if (!isRecord(cause) || cause.name !== "ZodError" || !Array.isArray(cause.issues)) return undefined;
  return cause.issues as Issue[];
}

/** Only the issues that can be shown become field errors (a zod error may hold thousands). */
function fromIssues(issues: readonly Issue[]): FieldError[] {
  return issues.slice(0, MAX_FIELD_ERRORS).map((issue) => {
    const path = issue.path.map(String).join(".");
    return { field: path === "" ? "(input)" : path, message: issue.message };
  });
}

function summary(fieldErrors: readonly FieldError[], total: number): string {
  const first = fieldErrors[0];
  if (!first) return "invalid input";
  const more = total > 1 ? ` (and ${grouped(total - 1)} more)` : "";
  return `${first.field}: ${first.message}${more}`;
}

export function errorResponseParts(message: string, cause: unknown): Parts {
  const domain = asDomainError(cause);
  if (domain) {
    const all = fieldErrorsOfDomain(domain);
    const fieldErrors = capFieldErrors(all);
    const text = domain.tag === "eastwest.Invalid" ? summary(fieldErrors, all.length) : domain.message;
    return { message: truncated(text, MAX_MESSAGE_CHARS), fieldErrors };
  }
  const issues = zodIssues(cause);
  if (issues) {
    const fieldErrors = capFieldErrors(fromIssues(issues), issues.length);
    return { message: truncated(summary(fieldErrors, issues.length), MAX_MESSAGE_CHARS), fieldErrors };
  }
  return { message: truncated(ownMessage(message), MAX_MESSAGE_CHARS), fieldErrors: [] };
}

/** tRPC's own messages that quote the request (the path from the URL), with the quoted part cut. */
function ownMessage(message: string): string {
  const unknownPath = /^No procedure found on path "([\s\S]*)"$/.exec(message);
  return unknownPath ? `No procedure found on path ${quoted(unknownPath[1] ?? "")}` : message;
}

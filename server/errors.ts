// Domain errors the routers let through, as tagged values: a discriminant (`tag`) checked structurally, never
// `instanceof`. Next loads this module once for instrumentation.ts and again for each route, so a class made in
// one module graph is not the class another graph checks against (fleet.recheck answered 500 for an unknown
// cluster that way). `server/trpc.ts` maps the tags to tRPC codes in one place, so plain functions never import
// tRPC. Each is still an Error (a stack trace in logs); the tag, not the prototype, is what counts.
import type { FieldError } from "@/lib/validation/field-error";

export type DomainError =
  /**
   * The input named something that does not exist (a workspace, cluster, gateway): 404 naming the field. A list
   * with several unknown names (clusters.1, clusters.3) names each in `fieldErrors`; `field` is the first.
   */
  | { tag: "eastwest.NotFound"; field: string; message: string; fieldErrors: FieldError[] }
  /** Bad input: one entry per field with a sentence a person can act on. Nothing was written: 400. */
  | { tag: "eastwest.Invalid"; fieldErrors: FieldError[]; message: string }
  /** What the request would work on exists but cannot be handled (e.g. it nests too deep): 422. */
  | { tag: "eastwest.Unprocessable"; field: string; message: string }
  /** The person may not do this (a cluster's RBAC refused it, or the console's role rules): 403. */
  | { tag: "eastwest.Forbidden"; field: string; message: string }
  /** What the request asks for collides with the current state (a drill already running on the service): 409. */
  | { tag: "eastwest.Conflict"; field: string; message: string }
  /**
   * A precondition of the request does not hold now (the registry failed to start, a cluster is stale, a
   * namespace has not opted in): 412, naming the input field it concerns when there is one.
   */
  | { tag: "eastwest.Unavailable"; message: string; field?: string };

export type DomainErrorTag = DomainError["tag"];

const TAGS: ReadonlySet<string> = new Set<DomainErrorTag>(["eastwest.NotFound", "eastwest.Invalid", "eastwest.Unprocessable", "eastwest.Conflict", "eastwest.Forbidden", "eastwest.Unavailable"]);

function tagged<E extends DomainError>(fields: E): Error & E {
  return Object.assign(new Error(fields.message), { name: fields.tag }, fields);
}

export function notFound(field: string, message: string, more: readonly FieldError[] = []): Error & DomainError {
  return tagged({ tag: "eastwest.NotFound", field, message, fieldErrors: [{ field, message }, ...more] });
}

export function invalidInput(fieldErrors: FieldError[]): Error & DomainError {
  // The message (logs, stack traces) names the first few; the list keeps them all for the response's cap.
  const first = fieldErrors.slice(0, 3).map((e) => `${e.field}: ${e.message}`).join(" ");
  const more = fieldErrors.length > 3 ? ` (and ${fieldErrors.length - 3} more)` : "";
  const message = first === "" ? "invalid input" : `${first}${more}`;
  return tagged({ tag: "eastwest.Invalid", fieldErrors, message });
}

export function unprocessable(field: string, message: string): Error & DomainError {
  return tagged({ tag: "eastwest.Unprocessable", field, message });
}

export function forbidden(field: string, message: string): Error & DomainError {
  return tagged({ tag: "eastwest.Forbidden", field, message });
}

export function conflict(field: string, message: string): Error & DomainError {
  return tagged({ tag: "eastwest.Conflict", field, message });
}

export function unavailable(message: string, field?: string): Error & DomainError {
  return tagged({ tag: "eastwest.Unavailable", message, ...(field === undefined ? {} : { field }) });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const isFieldError = (v: unknown): v is FieldError => isRecord(v) && typeof v.field === "string" && typeof v.message === "string";

/** Structural check: any value with a known tag and the fields that tag needs, from whichever module graph. */
export function asDomainError(value: unknown): DomainError | undefined {
  if (!isRecord(value) || typeof value.tag !== "string" || !TAGS.has(value.tag) || typeof value.message !== "string") return undefined;
  const { tag, message } = value;
  if (tag === "eastwest.Unavailable") return { tag, message, ...(typeof value.field === "string" ? { field: value.field } : {}) };
  const fieldErrors = Array.isArray(value.fieldErrors) && value.fieldErrors.every(isFieldError) ? value.fieldErrors : undefined;
  if (tag === "eastwest.Invalid") return fieldErrors ? { tag, message, fieldErrors } : undefined;
  if (typeof value.field !== "string") return undefined;
  const { field } = value;
  if (tag === "eastwest.NotFound") return { tag, field, message, fieldErrors: fieldErrors ?? [{ field, message }] };
  if (tag === "eastwest.Conflict" || tag === "eastwest.Forbidden") return { tag, field, message };
  return { tag: "eastwest.Unprocessable", field, message };
}

/** The field errors a domain error carries (a NotFound or Unprocessable names one field). */
export function fieldErrorsOfDomain(error: DomainError): FieldError[] {
  switch (error.tag) {
    case "eastwest.Invalid":
    case "eastwest.NotFound":
      return error.fieldErrors;
    case "eastwest.Unprocessable":
    case "eastwest.Conflict":
    case "eastwest.Forbidden":
      return [{ field: error.field, message: error.message }];
    case "eastwest.Unavailable":
      return error.field === undefined ? [] : [{ field: error.field, message: error.message }];
  }
}

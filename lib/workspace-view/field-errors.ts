// Reading a tRPC error for a form: every error response carries one `error.data.fieldErrors` list (dotted input
// paths; server/error-shape.ts), for bad input (400), an unknown name (404, naming its field) and an object the
// console will not edit (422). The form gets FieldError[] and every error reads as a sentence. Pure, so the
// browser and tests share it.
import type { FieldError } from "@/lib/validation/field-error";

type Shape = { message?: unknown; data?: unknown };
type Data = { fieldErrors?: unknown; code?: unknown; httpStatus?: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

function dataOf(error: unknown): Data {
  if (!isRecord(error)) return {};
  const data = (error as Shape).data;
  return isRecord(data) ? (data as Data) : {};
}

function messageOf(error: unknown): string {
  if (isRecord(error) && typeof error.message === "string") return error.message;
  return typeof error === "string" ? error : "";
}

function listed(raw: unknown): FieldError[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((e) => (isRecord(e) && typeof e.field === "string" && typeof e.message === "string" ? [{ field: e.field, message: e.message }] : []));
}

/** Every field error the server named, in its order. Empty when the error is not about input. */
export function fieldErrorsOf(error: unknown): FieldError[] {
  return listed(dataOf(error).fieldErrors);
}

/** The errors of one field and of its elements (`clusters` also collects `clusters.1`). */
export function errorsFor(errors: readonly FieldError[], field: string): FieldError[] {
  return errors.filter((e) => e.field === field || e.field.startsWith(`${field}.`));
}

/** Errors no form field shows (so the form lists them once, at the top). */
export function unplacedErrors(errors: readonly FieldError[], fields: readonly string[]): FieldError[] {
  return errors.filter((e) => !fields.some((f) => e.field === f || e.field.startsWith(`${f}.`)));
}

/**
 * A sentence with a full stop, whatever the server wrote; capitalised only when it starts with a plain word,
 * since a leading FQDN, object or field name must keep its case.
 */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") return trimmed;
  const plainWord = /^[a-z]+(\s|$|,)/.test(trimmed);
  const capital = plainWord ? trimmed[0]?.toUpperCase() + trimmed.slice(1) : trimmed;
  return /[.!?)]$/.test(capital) ? capital : `${capital}.`;
}

/** A tRPC (or network) error as one sentence a person can act on. */
export function errorSentence(error: unknown): string {
  const message = messageOf(error);
  if (/failed to fetch|fetch failed|networkerror|load failed/i.test(message)) {
    return "The console server did not answer. Check that it is running, then try again.";
  }
  const fields = fieldErrorsOf(error);
  if (fields.length > 0) return fields.map((f) => asSentence(f.message)).join(" ");
  if (message.trim().startsWith("[") || message.trim().startsWith("{")) return "The server rejected the request as malformed.";
  return asSentence(message) || "Something went wrong; the server gave no reason.";
}

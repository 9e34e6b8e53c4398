// What goes back to the browser is bounded whatever came in: a quoted value is cut to a few dozen characters,
// a list of names to its first few, and a list of field errors to its first twenty plus a count of the rest.
// A request with 160,000 bad entries is answered in a few kilobytes, not tens of megabytes.
import type { FieldError } from "./field-error";
import { MAX_FIELD_ERRORS, MAX_MESSAGE_CHARS, MAX_QUOTED_CHARS } from "./limits";

/** 160000 → "160,000" (toLocaleString goes through ICU, too slow to call once per error of a long list). */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** `text` cut to `max` characters, saying how long it was when cut. */
export function truncated(text: string, max = MAX_QUOTED_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${grouped(text.length)} characters)`;
}

/** A user-supplied value in double quotes, cut to MAX_QUOTED_CHARS. */
export function quoted(value: string): string {
  return `"${truncated(value)}"`;
}

/** "a, b, c" or "a, b, c and 12 more": a list of names that stays short however many there are. */
export function someOf(names: readonly string[], max = 10): string {
  if (names.length <= max) return names.join(", ");
  return `${names.slice(0, max).join(", ")} and ${grouped(names.length - max)} more`;
}

/**
 * The first MAX_FIELD_ERRORS errors (messages cut to MAX_MESSAGE_CHARS), then one entry counting the rest.
 * `total`: how many there were, when the caller only turned the first few into FieldErrors.
 */
export function capFieldErrors(errors: readonly FieldError[], total = errors.length, max = MAX_FIELD_ERRORS): FieldError[] {
  const kept = errors.slice(0, max).map((e) => ({ field: truncated(e.field), message: truncated(e.message, MAX_MESSAGE_CHARS) }));
  const rest = total - kept.length;
  if (rest <= 0) return kept;
  return [...kept, { field: "(input)", message: `and ${grouped(rest)} more problems like these; fix the ones shown first.` }];
}

// Field errors as k8s.io/apimachinery/pkg/util/validation/field renders them (Error.ErrorBody): the error type,
// then the bad value (simple values plainly, strings quoted, other values as Go's %#v of the internal type), then
// the detail. Only the shapes built-in validation reports are printed here.
import type { FieldError } from "../status";

/** %#v of a map[string]string: keys sorted as fmt sorts them; a missing map is `map[string]string(nil)`. */
export function goStringMap(value: unknown): string {
  if (value === undefined || value === null || typeof value !== "object") return "map[string]string(nil)";
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `map[string]string{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(String(v))}`).join(", ")}}`;
}

/** %#v of a []string. */
export function goStringSlice(value: readonly string[] | undefined): string {
  return value ? `[]string{${value.map((v) => JSON.stringify(v)).join(", ")}}` : "[]string(nil)";
}

/** %#v of a metav1.LabelSelector (what ValidateImmutableField prints for spec.selector). */
export function goLabelSelector(selector: unknown): string {
  const s = (selector ?? {}) as { matchLabels?: unknown; matchExpressions?: unknown[] };
  const labels = s.matchLabels ? goStringMap(s.matchLabels) : "map[string]string(nil)";
  const expressions = Array.isArray(s.matchExpressions) && s.matchExpressions.length > 0
    ? `[]v1.LabelSelectorRequirement{${s.matchExpressions.map(goRequirement).join(", ")}}`
    : "[]v1.LabelSelectorRequirement(nil)";
  return `v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${expressions}}`;
}

function goRequirement(value: unknown): string {
  const r = (value ?? {}) as { key?: unknown; operator?: unknown; values?: unknown };
  const values = Array.isArray(r.values) ? goStringSlice(r.values.map(String)) : "[]string(nil)";
  return `v1.LabelSelectorRequirement{Key:${JSON.stringify(String(r.key ?? ""))}, Operator:${JSON.stringify(String(r.operator ?? ""))}, Values:${values}}`;
}

/** A simple value as ErrorBody prints it: numbers and booleans bare, strings quoted, null as null. */
export function goSimple(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

export const required = (field: string, detail = ""): FieldError => ({
  field, reason: "FieldValueRequired", detail: detail ? `Required value: ${detail}` : "Required value",
});

/** `printed` is the value already rendered (goSimple, goStringMap …). */
export const invalidField = (field: string, printed: string, detail: string): FieldError => ({
  field, reason: "FieldValueInvalid", detail: `Invalid value: ${printed}: ${detail}`,
});

export const notSupported = (field: string, value: unknown, supported: readonly string[]): FieldError => ({
  field, reason: "FieldValueNotSupported",
  detail: `Unsupported value: ${goSimple(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(", ")}`,
});

export const duplicate = (field: string, value: unknown): FieldError => ({
  field, reason: "FieldValueDuplicate", detail: `Duplicate value: ${goSimple(value)}`,
});

export const tooLong = (field: string, max: number): FieldError => ({
  field, reason: "FieldValueTooLong", detail: `Too long: may not be more than ${max} ${max === 1 ? "byte" : "bytes"}`,
});

/** validation.InclusiveRangeError. */
export const inclusiveRange = (lo: number, hi: number): string => `must be between ${lo} and ${hi}, inclusive`;

/** ValidateNonnegativeField's detail. */
export const IS_NEGATIVE = "must be greater than or equal to 0";
export const FIELD_IMMUTABLE = "field is immutable";

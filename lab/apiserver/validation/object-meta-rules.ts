// ValidateObjectMeta's label and annotation rules (apimachinery/pkg/api/validation/objectmeta.go), applied to
// every kind: keys are qualified names (annotation keys case-insensitively), label values are label values, and
// all annotations together stay under 256 KiB. Keys are checked in sorted order so the message is stable (Go
// walks maps in random order).
import type { FieldError } from "../status";
import { goSimple, invalidField, tooLong } from "./go-values";
import { isQualifiedName, isValidLabelValue } from "./name-rules";

export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

const sortedEntries = (map: Record<string, unknown>) => Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

export function validateLabels(labels: unknown, field: string): FieldError[] {
  if (!labels || typeof labels !== "object") return [];
  const errors: FieldError[] = [];
  for (const [key, value] of sortedEntries(labels as Record<string, unknown>)) {
    for (const msg of isQualifiedName(key)) errors.push(invalidField(field, goSimple(key), msg));
    for (const msg of isValidLabelValue(String(value))) errors.push(invalidField(field, goSimple(value), msg));
  }
  return errors;
}

export function validateAnnotations(annotations: unknown, field: string): FieldError[] {
  if (!annotations || typeof annotations !== "object") return [];
  const errors: FieldError[] = [];
  let total = 0;
  for (const [key, value] of sortedEntries(annotations as Record<string, unknown>)) {
    for (const msg of isQualifiedName(key.toLowerCase())) errors.push(invalidField(field, goSimple(key), msg));
    total += Buffer.byteLength(key) + Buffer.byteLength(String(value));
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errors.push(tooLong(field, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errors;
}

/** The labels and annotations of an object's (or a template's) metadata, under `path` ("metadata", "spec.template.metadata"). */
export function validateMetaMaps(meta: unknown, path: string): FieldError[] {
  if (!meta || typeof meta !== "object") return [];
  const m = meta as { labels?: unknown; annotations?: unknown };
  return [...validateLabels(m.labels, `${path}.labels`), ...validateAnnotations(m.annotations, `${path}.annotations`)];
}

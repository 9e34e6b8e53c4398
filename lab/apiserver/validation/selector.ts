// metav1 LabelSelector validation (ValidateLabelSelector) and matching (LabelSelectorAsSelector + Matches), for the
// workload kinds whose selector must select their own template.
import { isRecord } from "../object-util";
import type { FieldError } from "../status";
import { goSimple, invalidField, notSupported, required } from "./go-values";
import { validateLabels } from "./object-meta-rules";
import { isQualifiedName } from "./name-rules";

const OPERATORS = ["In", "NotIn", "Exists", "DoesNotExist"];

export function labelSelectorErrors(selector: Record<string, unknown>, path: string): FieldError[] {
  const errors = validateLabels(selector.matchLabels, `${path}.matchLabels`);
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  expressions.forEach((e, i) => {
    const at = `${path}.matchExpressions[${i}]`;
    const r = isRecord(e) ? e : {};
    const values = Array.isArray(r.values) ? r.values : [];
    if (!OPERATORS.includes(String(r.operator))) errors.push(notSupported(`${at}.operator`, r.operator ?? "", OPERATORS));
    else if ((r.operator === "In" || r.operator === "NotIn") && values.length === 0) {
      errors.push(required(`${at}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if ((r.operator === "Exists" || r.operator === "DoesNotExist") && values.length > 0) {
      errors.push({ field: `${at}.values`, reason: "FieldValueForbidden", detail: "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'" });
    }
    for (const msg of isQualifiedName(String(r.key ?? ""))) errors.push(invalidField(`${at}.key`, goSimple(r.key ?? ""), msg));
  });
  return errors;
}

/** Whether `labels` satisfy the selector (every matchLabels pair and every expression). */
export function selectorMatches(selector: Record<string, unknown>, labels: unknown): boolean {
  const have = isRecord(labels) ? labels : {};
  const match = isRecord(selector.matchLabels) ? selector.matchLabels : {};
  if (!Object.entries(match).every(([k, v]) => have[k] === v)) return false;
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  return expressions.every((e) => {
    const r = isRecord(e) ? e : {};
    const key = String(r.key ?? "");
    const values = Array.isArray(r.values) ? r.values.map(String) : [];
    const present = Object.hasOwn(have, key);
    if (r.operator === "In") return present && values.includes(String(have[key]));
    if (r.operator === "NotIn") return !present || !values.includes(String(have[key]));
    if (r.operator === "Exists") return present;
    if (r.operator === "DoesNotExist") return !present;
    return false;
  });
}

// PodDisruptionBudget validation (pkg/apis/policy/validation: ValidatePodDisruptionBudgetSpec): minAvailable and
// maxUnavailable are each a non-negative integer or a percentage of at most 100%, never both; the selector is a
// valid label selector; unhealthyPodEvictionPolicy one of its two values.
import { isRecord } from "../object-util";
import type { FieldError } from "../status";
import type { KubeObject } from "../types";
import { IS_NEGATIVE, goSimple, invalidField, notSupported } from "./go-values";
import { regexError } from "./name-rules";
import { labelSelectorErrors } from "./selector";

const PERCENT = /^[0-9]+%$/;
const EVICTION_POLICIES = ["AlwaysAllow", "IfHealthyBudget"];

/** %#v of an intstr.IntOrString holding a string (the value ValidatePositiveIntOrPercent reports). */
const goIntOrString = (value: string) => `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(value)}}`;

function intOrPercentErrors(value: unknown, field: string): FieldError[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "number") return value < 0 ? [invalidField(field, goSimple(value), IS_NEGATIVE)] : [];
  const text = String(value);
  if (!PERCENT.test(text)) return [invalidField(field, goIntOrString(text), regexError("a valid percent string must be a numeric string followed by an ending '%'", "[0-9]+%", "1%", "93%"))];
  return Number(text.slice(0, -1)) > 100 ? [invalidField(field, goIntOrString(text), "must not be greater than 100%")] : [];
}

export function validatePodDisruptionBudget(object: KubeObject): FieldError[] {
  const spec = isRecord(object.spec) ? object.spec : {};
  const errors: FieldError[] = [];
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    // Upstream prints the whole spec struct (with pointer addresses); the lab prints its fields.
    const shown = `policy.PodDisruptionBudgetSpec{MinAvailable:${goSimple(spec.minAvailable)}, MaxUnavailable:${goSimple(spec.maxUnavailable)}}`;
    errors.push(invalidField("spec", shown, "minAvailable and maxUnavailable cannot be both set"));
  }
  errors.push(...intOrPercentErrors(spec.minAvailable, "spec.minAvailable"), ...intOrPercentErrors(spec.maxUnavailable, "spec.maxUnavailable"));
  if (isRecord(spec.selector)) errors.push(...labelSelectorErrors(spec.selector, "spec.selector"));
  if (spec.unhealthyPodEvictionPolicy !== undefined && !EVICTION_POLICIES.includes(String(spec.unhealthyPodEvictionPolicy))) {
    errors.push(notSupported("spec.unhealthyPodEvictionPolicy", spec.unhealthyPodEvictionPolicy, EVICTION_POLICIES));
  }
  return errors;
}

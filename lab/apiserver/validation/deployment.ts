// Deployment and ReplicaSet validation (pkg/apis/apps/validation: ValidateDeploymentSpec, ValidateReplicaSetSpec,
// ValidatePodTemplateSpecForReplicaSet) and the apps/v1 strategies' update rule that the selector is immutable.
// Both specs share these rules (ReplicaSet's empty-selector message names "deployment" upstream too).
import { isRecord } from "../object-util";
import type { FieldError } from "../status";
import type { KubeObject } from "../types";
import { deepEqual } from "../object-util";
import { FIELD_IMMUTABLE, IS_NEGATIVE, goLabelSelector, goSimple, goStringMap, invalidField, notSupported, required } from "./go-values";
import { validateMetaMaps } from "./object-meta-rules";
import { validatePodSpec } from "./pod-spec";
import { labelSelectorErrors, selectorMatches } from "./selector";

function nonNegative(value: unknown, field: string): FieldError[] {
  return typeof value === "number" && value < 0 ? [invalidField(field, goSimple(value), IS_NEGATIVE)] : [];
}

function validateTemplate(template: unknown, selector: unknown): FieldError[] {
  const t = isRecord(template) ? template : {};
  const meta = isRecord(t.metadata) ? t.metadata : {};
  const errors: FieldError[] = [];
  if (isRecord(selector) && !selectorMatches(selector, meta.labels)) {
    errors.push(invalidField("spec.template.metadata.labels", goStringMap(meta.labels), "`selector` does not match template `labels`"));
  }
  errors.push(...validateMetaMaps(meta, "spec.template.metadata"));
  errors.push(...validatePodSpec(t.spec, "spec.template.spec"));
  const restart = isRecord(t.spec) ? t.spec.restartPolicy : undefined;
  if (restart !== undefined && restart !== "Always") errors.push(notSupported("spec.template.spec.restartPolicy", restart, ["Always"]));
  return errors;
}

export function validateDeployment(object: KubeObject, existing?: KubeObject): FieldError[] {
  const spec = isRecord(object.spec) ? object.spec : {};
  const errors = nonNegative(spec.replicas, "spec.replicas");
  const selector = spec.selector;
  if (!isRecord(selector)) errors.push(required("spec.selector"));
  else {
    errors.push(...labelSelectorErrors(selector, "spec.selector"));
    const size = Object.keys(isRecord(selector.matchLabels) ? selector.matchLabels : {}).length + (Array.isArray(selector.matchExpressions) ? selector.matchExpressions.length : 0);
    if (size === 0) errors.push(invalidField("spec.selector", goLabelSelector(selector), "empty selector is invalid for deployment"));
  }
  errors.push(...validateTemplate(spec.template, selector));
  errors.push(...nonNegative(spec.minReadySeconds, "spec.minReadySeconds"));
  errors.push(...nonNegative(spec.revisionHistoryLimit, "spec.revisionHistoryLimit"));
  const oldSpec = existing && isRecord(existing.spec) ? existing.spec : undefined;
  if (oldSpec && !deepEqual(selector, oldSpec.selector)) errors.push(invalidField("spec.selector", goLabelSelector(selector), FIELD_IMMUTABLE));
  return errors;
}

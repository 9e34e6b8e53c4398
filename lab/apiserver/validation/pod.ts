// Pod validation (ValidatePodCreate → ValidatePodSpec): the pod spec rules shared with pod templates.
import { isRecord } from "../object-util";
import type { FieldError } from "../status";
import type { KubeObject } from "../types";
import { validatePodSpec } from "./pod-spec";

export function validatePod(object: KubeObject): FieldError[] {
  return validatePodSpec(isRecord(object.spec) ? object.spec : {}, "spec");
}

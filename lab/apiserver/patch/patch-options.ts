// validation.ValidatePatchOptions: apply needs a fieldManager, non-apply patches may not carry force, and a
// fieldManager is at most 128 printable characters. Failures are 422 Invalid on PatchOptions.meta.k8s.io "".
import { statusError } from "../status";
import type { StatusError } from "../types";

const FIELD_MANAGER_MAX_LENGTH = 128;

interface OptionError {
  field: string;
  reason: string;
  detail: string;
}

function patchOptionsInvalid(errors: OptionError[]): StatusError {
  const rendered = errors.map((e) => `${e.field}: ${e.detail}`);
  const list = rendered.length === 1 ? rendered[0] : `[${rendered.join(", ")}]`;
  const causes = errors.map((e) => ({ reason: e.reason, message: e.detail, field: e.field }));
  return statusError(422, "Invalid", `PatchOptions.meta.k8s.io "" is invalid: ${list}`, { group: "meta.k8s.io", kind: "PatchOptions", causes });
}

function fieldManagerErrors(fieldManager: string | undefined): OptionError[] {
  if (!fieldManager) return [];
  const errors: OptionError[] = [];
  if (Buffer.byteLength(fieldManager) > FIELD_MANAGER_MAX_LENGTH) {
    errors.push({ field: "fieldManager", reason: "FieldValueTooLong", detail: `Too long: may not be more than ${FIELD_MANAGER_MAX_LENGTH} bytes` });
  }
  [...fieldManager].forEach((char, position) => {
    if (/[\p{C}]/u.test(char)) {
      const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
      errors.push({ field: "fieldManager", reason: "FieldValueInvalid", detail: `Invalid value: ${JSON.stringify(fieldManager)}: invalid character ${code} (at position ${position})` });
    }
  });
  return errors;
}

/** Returns the manager an apply runs as. */
export function checkApplyOptions(fieldManager: string | undefined): string {
  const errors: OptionError[] = [];
  if (!fieldManager) errors.push({ field: "fieldManager", reason: "FieldValueRequired", detail: "Required value: is required for apply patch" });
  errors.push(...fieldManagerErrors(fieldManager));
  if (errors.length > 0 || !fieldManager) throw patchOptionsInvalid(errors);
  return fieldManager;
}

export function checkNonApplyOptions(fieldManager: string | undefined, force: boolean | undefined): void {
  const errors: OptionError[] = [];
  if (force !== undefined) errors.push({ field: "force", reason: "FieldValueForbidden", detail: "Forbidden: may not be specified for non-apply patch" });
  errors.push(...fieldManagerErrors(fieldManager));
  if (errors.length > 0) throw patchOptionsInvalid(errors);
}

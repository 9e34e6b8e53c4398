// CRD validation ratcheting (KEP-4008, on by default since Kubernetes 1.30): on update, an error about a value the
// update did not change is dropped, so tightening a CRD's schema does not lock existing objects (their status
// writers included) out of every further write. A change anywhere else is still allowed; a changed value must
// validate.
import { deepEqual, isRecord } from "../object-util";
import type { FieldError } from "../status";

/** "spec.ports[0].name" → ["spec", "ports", 0, "name"]. */
function parsePath(field: string): Array<string | number> {
  const parts: Array<string | number> = [];
  for (const segment of field.split(".")) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(segment);
    if (!match) return [field];
    if (match[1]) parts.push(match[1]);
    for (const index of (match[2] ?? "").matchAll(/\[(\d+)\]/g)) parts.push(Number(index[1]));
  }
  return parts;
}

function valueAt(object: unknown, path: Array<string | number>): unknown {
  let current = object;
  for (const part of path) {
    if (typeof part === "number") current = Array.isArray(current) ? current[part] : undefined;
    else current = isRecord(current) ? current[part] : undefined;
  }
  return current;
}

export function ratchet(errors: FieldError[], before: unknown, after: unknown): FieldError[] {
  return errors.filter((error) => {
    const path = parsePath(error.field);
    return !deepEqual(valueAt(before, path), valueAt(after, path));
  });
}

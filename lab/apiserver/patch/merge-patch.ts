// application/merge-patch+json (RFC 7386) as gopkg.in/evanphx/json-patch.v4 MergePatch applies it: objects merge
// recursively, null deletes, anything else (lists included) replaces.
import { badRequest } from "../status";
import { isRecord } from "./schema";

export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  const out: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyMergePatch(out[key], value);
  }
  return out;
}

/**
 * Parses a merge (or strategic merge) patch body as the default fieldValidation=Warn decode does: invalid JSON or
 * a non-object → 400 "error decoding patch: …"; a null patch → ErrBadJSONPatch, 400 "Invalid JSON Patch".
 */
export function parseMergePatch(body: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    throw badRequest(`error decoding patch: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (parsed === null) throw badRequest("Invalid JSON Patch");
  if (!isRecord(parsed)) {
    const what = Array.isArray(parsed) ? "array" : typeof parsed;
    throw badRequest(`error decoding patch: json: cannot unmarshal ${what} into Go value of type map[string]interface {}`);
  }
  return parsed;
}

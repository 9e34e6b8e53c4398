// Server-side field validation (the fieldValidation query parameter) for kinds with a structural schema: fields
// the schema does not declare are never stored (pruned); Strict (kubectl's default) refuses the write with 400
// "strict decoding error: unknown field …", Warn (the server's default) answers with one Warning header per field,
// Ignore drops them silently.
import type { RequestContext } from "./context";
import { unknownFields } from "./custom-admission";
import { badRequest } from "./status";
import type { KubeObject } from "./types";

export type FieldValidation = "Strict" | "Warn" | "Ignore";

function directive(ctx: RequestContext): FieldValidation {
  const value = ctx.query.get("fieldValidation");
  return value === "Strict" || value === "Ignore" ? value : "Warn";
}

/**
 * Checks `object` (the decoded body, or the patched object) before it is stored. `decoding` names the body's
 * decode step for create and update, whose strict errors upstream words as the decoder's
 * (`FailoverDrill in version "v1alpha1" cannot be handled as a FailoverDrill: strict decoding error: …`).
 */
export function checkUnknownFields(ctx: RequestContext, object: KubeObject, decoding: boolean): void {
  const unknown = unknownFields(ctx.route.type, object);
  if (unknown.length === 0) return;
  const mode = directive(ctx);
  if (mode === "Ignore") return;
  if (mode === "Strict") {
    const { kind } = ctx.route.type;
    const prefix = decoding ? `${kind} in version "${ctx.route.version}" cannot be handled as a ${kind}: ` : "";
    throw badRequest(`${prefix}strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(", ")}`);
  }
  ctx.res.setHeader("Warning", unknown.map((f) => `299 - ${JSON.stringify(`unknown field "${f}"`)}`));
}

// Server-side field validation (the fieldValidation query parameter): duplicate keys in the body (every kind) and
// fields a structural schema does not declare (kinds with one). Unknown fields are never stored (pruned); Strict
// (kubectl's default) refuses the write with 400 "strict decoding error: …", Warn (the server's default) answers
// with one Warning header per finding, Ignore drops them silently. Duplicates come first, as the strict decoder
// reports them before pruning; YAML duplicates are go-yaml's one "yaml: unmarshal errors" block, and YAML's unknown
// fields come sorted (the body went through a map on its way to JSON).
import type { RequestContext } from "./context";
import { unknownFields } from "./custom-admission";
import { badRequest } from "./status";
import type { KubeObject } from "./types";
import type { Duplicates } from "./validation/duplicate-fields";

export type FieldValidation = "Strict" | "Warn" | "Ignore";

function directive(ctx: RequestContext): FieldValidation {
  const value = ctx.query.get("fieldValidation");
  return value === "Strict" || value === "Ignore" ? value : "Warn";
}

const NONE: Duplicates = { messages: [], yaml: false };

/**
 * Checks `object` (the decoded body, or the patched object) before it is stored. `decoding` names the body's
 * decode step for create and update, whose strict errors upstream words as the decoder's
 * (`FailoverDrill in version "v1alpha1" cannot be handled as a FailoverDrill: strict decoding error: …`).
 */
export function checkUnknownFields(ctx: RequestContext, object: KubeObject, decoding: boolean, duplicates: Duplicates = NONE): void {
  const found = unknownFields(ctx.route.type, object);
  const unknown = (duplicates.yaml ? [...found].sort() : found).map((f) => `unknown field "${f}"`);
  if (unknown.length === 0 && duplicates.messages.length === 0) return;
  const mode = directive(ctx);
  if (mode === "Ignore") return;
  if (mode === "Strict") {
    const { kind } = ctx.route.type;
    const prefix = decoding ? `${kind} in version "${ctx.route.version}" cannot be handled as a ${kind}: ` : "";
    const dupes = duplicates.messages.length === 0 ? [] : duplicates.yaml ? [`yaml: unmarshal errors:\n  ${duplicates.messages.join("\n  ")}`] : duplicates.messages;
    throw badRequest(`${prefix}strict decoding error: ${[...dupes, ...unknown].join(", ")}`);
  }
  ctx.res.setHeader("Warning", [...duplicates.messages, ...unknown].map((text) => `299 - ${JSON.stringify(text)}`));
}

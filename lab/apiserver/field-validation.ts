// Server-side field validation (the fieldValidation query parameter): duplicate keys in the body and fields the
// kind does not declare (its structural schema; for built-ins, the Go types' fields as the OpenAPI model lists
// them). Unknown fields are never stored (pruned); Strict (kubectl's default) refuses the write with 400 "strict
// decoding error: …", Warn (the server's default) answers with one Warning header per finding, Ignore drops them
// silently. Built-in kinds (one typed JSON decode) report both in document order, a field both unknown and
// duplicated only as unknown; custom kinds list duplicates first (the decoder) then unknown fields (pruning);
// YAML duplicates are go-yaml's one "yaml: unmarshal errors" block, then the unknown fields sorted (the body went
// through a map on its way to JSON).
import type { RequestContext } from "./context";
import { unknownFields } from "./custom-admission";
import { pruneObject, undeclaredPaths } from "./schema/index";
import { builtinSchema } from "./schema/builtin/builtin-schemas";
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
/** A typed decode reports in document order, and a duplicated unknown field only as unknown. */
function typedOrder(found: string[], duplicates: Duplicates): string[] {
  const unknownAt = found.map((path) => ({ at: duplicates.firstSeen?.get(path) ?? Number.MAX_SAFE_INTEGER, text: `unknown field "${path}"` }));
  const underUnknown = (path: string) => found.some((u) => path === u || path.startsWith(`${u}.`) || path.startsWith(`${u}[`));
  const dupes = (duplicates.found ?? []).filter((d) => !underUnknown(d.path)).map((d) => ({ at: d.at, text: `duplicate field ${JSON.stringify(d.path)}` }));
  return [...unknownAt, ...dupes].sort((a, b) => a.at - b.at).map((f) => f.text);
}

/** Checks `object` for duplicate and unknown fields and, unless Strict refuses it, drops the unknown ones. */
export function checkUnknownFields(ctx: RequestContext, object: KubeObject, decoding: boolean, duplicates: Duplicates = NONE): void {
  const typed = builtinSchema(ctx.route.type);
  const found = typed ? undeclaredPaths(object, typed) : unknownFields(ctx.route.type, object);
  if (found.length === 0 && duplicates.messages.length === 0) return;
  const mode = directive(ctx);
  const unknown = (duplicates.yaml ? [...found].sort() : found).map((f) => `unknown field "${f}"`);
  const findings = typed && duplicates.found ? typedOrder(found, duplicates) : [...duplicates.messages, ...unknown];
  if (mode === "Strict") {
    const { kind } = ctx.route.type;
    const prefix = decoding ? `${kind} in version "${ctx.route.version}" cannot be handled as a ${kind}: ` : "";
    const yamlBlock = duplicates.messages.length > 0 ? [`yaml: unmarshal errors:\n  ${duplicates.messages.join("\n  ")}`] : [];
    throw badRequest(`${prefix}strict decoding error: ${(duplicates.yaml ? [...yamlBlock, ...unknown] : findings).join(", ")}`);
  }
  if (mode === "Warn") ctx.res.setHeader("Warning", (duplicates.yaml ? [...duplicates.messages, ...unknown] : findings).map((text) => `299 - ${JSON.stringify(text)}`));
  if (typed) pruneObject(object, typed);
}

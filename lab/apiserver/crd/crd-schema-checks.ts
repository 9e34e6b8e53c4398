// The checks ValidateCustomResourceDefinition makes on a version's schema (v1 requires one): a structural schema
// (object at the root; every node that declares properties or items says its type), regular expressions that
// compile, and defaults that validate against their own schema. Paths as upstream renders them:
// spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[fault].default.
import type { FieldError } from "../status";
import type { StructuralSchema } from "../schema/index";
import { goRegExp, validateValue } from "../schema/index";

export function schemaErrors(schema: StructuralSchema | undefined, path: string): FieldError[] {
  if (!schema) return [{ field: path, reason: "FieldValueRequired", detail: "Required value: schemas are required" }];
  const errors: FieldError[] = [];
  if (!schema.type) errors.push({ field: `${path}.type`, reason: "FieldValueRequired", detail: "Required value: must not be empty at the root" });
  else if (schema.type !== "object") errors.push({ field: `${path}.type`, reason: "FieldValueInvalid", detail: `Invalid value: "${schema.type}": must be object at the root` });
  checkNode(schema, path, errors, 0);
  return errors;
}

const MAX_DEPTH = 64;

// Go's regexp (RE2) has no lookaround and no backreferences; a pattern using them is refused upstream even though
// JavaScript would compile it.
const PERL_ONLY = /\(\?<?[=!]|\\[1-9]/;

function patternError(pattern: string): string | undefined {
  const perl = PERL_ONLY.exec(pattern);
  if (perl) return `error parsing regexp: invalid or unsupported Perl syntax: \`${perl[0]}\``;
  try {
    goRegExp(pattern);
    return undefined;
  } catch (err) {
    return `error parsing regexp: ${err instanceof Error ? err.message : String(err)}`;
  }
}

function checkNode(schema: StructuralSchema, path: string, errors: FieldError[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  const declaresShape = schema.properties !== undefined || schema.items !== undefined;
  if (depth > 0 && declaresShape && !schema.type && !schema["x-kubernetes-int-or-string"]) {
    errors.push({ field: `${path}.type`, reason: "FieldValueRequired", detail: "Required value: must not be empty for specified object fields" });
  }
  if (schema.pattern !== undefined) {
    const why = patternError(schema.pattern);
    if (why) errors.push({ field: `${path}.pattern`, reason: "FieldValueInvalid", detail: `Invalid value: ${JSON.stringify(schema.pattern)}: must be a valid regular expression, but isn't: ${why}` });
  }
  if (schema["x-kubernetes-list-type"] === "map" && (schema["x-kubernetes-list-map-keys"] ?? []).length === 0) {
    errors.push({ field: `${path}.x-kubernetes-list-map-keys`, reason: "FieldValueRequired", detail: "Required value: must not be empty if x-kubernetes-list-type is map" });
  }
  if (schema.default !== undefined && depth > 0) errors.push(...validateValue(schema.default, schema, `${path}.default`));
  for (const [name, child] of Object.entries(schema.properties ?? {})) checkNode(child, `${path}.properties[${name}]`, errors, depth + 1);
  if (schema.items) checkNode(schema.items, `${path}.items`, errors, depth + 1);
  if (typeof schema.additionalProperties === "object") checkNode(schema.additionalProperties, `${path}.additionalProperties`, errors, depth + 1);
}

// Validation of an object against a structural schema, with the field errors the apiextensions apiserver turns
// kube-openapi's results into (validation.ConvertOpenAPIErrors): Required, Unsupported value (enum), Too long,
// Too many, type errors ("spec.x in body must be of type integer: \"string\""), bounds, patterns and formats
// ("… in body should be greater than or equal to 0"), and Duplicate value for set and map lists.
import { deepEqual, isRecord } from "../object-util";
import type { FieldError } from "../status";
import { celRuleHolds } from "./cel-rules";
import { checkFormat } from "./formats";
import { childField, indexField, propertySchema, type SchemaType, type StructuralSchema } from "./structural";

/** Every error in `object` (the whole resource) against `schema`; metadata is the registry's job, not the schema's. */
export function validateAgainstSchema(object: Record<string, unknown>, schema: StructuralSchema): FieldError[] {
  const errors: FieldError[] = [];
  const rest = { ...object };
  delete rest.metadata;
  const root: StructuralSchema = { ...schema, properties: { ...schema.properties } };
  delete root.properties?.metadata;
  validateNode(rest, root, "", errors);
  return errors;
}

/** %#v of the value as Go prints it in field errors: strings quoted, numbers and booleans bare. */
export function goValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return JSON.stringify(value);
  return JSON.stringify(value);
}

function typeOf(value: unknown): SchemaType | "null" {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (isRecord(value)) return "object";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (typeof value === "string") return "string";
  return "boolean";
}

function typeMatches(schema: StructuralSchema, actual: SchemaType | "null"): boolean {
  if (schema["x-kubernetes-int-or-string"]) return actual === "integer" || actual === "string";
  if (!schema.type) return true;
  return actual === schema.type || (schema.type === "number" && actual === "integer");
}

function invalidValue(path: string, value: unknown, message: string): FieldError {
  return { field: path, reason: "FieldValueInvalid", detail: `Invalid value: ${goValue(value)}: ${path} in body ${message}` };
}

function validateNode(value: unknown, schema: StructuralSchema, path: string, errors: FieldError[]): void {
  const actual = typeOf(value);
  if (actual === "null" && schema.nullable) return;
  if (!typeMatches(schema, actual)) {
    const expected = schema.type ?? "string";
    errors.push({ field: path, reason: "FieldValueTypeInvalid", detail: `Invalid value: "${actual}": ${path} in body must be of type ${expected}: "${actual}"` });
    return;
  }
  if (schema.enum && !schema.enum.some((allowed) => deepEqual(allowed, value))) {
    const supported = schema.enum.map(goValue).join(", ");
    errors.push({ field: path, reason: "FieldValueNotSupported", detail: `Unsupported value: ${goValue(value)}: supported values: ${supported}` });
  }
  if (typeof value === "number") checkNumber(value, schema, path, errors);
  else if (typeof value === "string") checkString(value, schema, path, errors);
  else if (Array.isArray(value)) checkArray(value, schema, path, errors);
  else if (isRecord(value)) checkObject(value, schema, path, errors);
  checkRules(value, schema, path, actual, errors);
}

/** x-kubernetes-validations, as apiextensions reports a failed rule: `Invalid value: "<type>": <message>`. */
function checkRules(value: unknown, schema: StructuralSchema, path: string, actual: string, errors: FieldError[]): void {
  for (const { rule, message } of schema["x-kubernetes-validations"] ?? []) {
    if (celRuleHolds(rule, value) !== false) continue;
    const type = schema["x-kubernetes-int-or-string"] ? actual : (schema.type ?? actual);
    errors.push({ field: path, reason: "FieldValueInvalid", detail: `Invalid value: "${type}": ${message ?? `failed rule: ${rule}`}` });
  }
}

function checkNumber(value: number, schema: StructuralSchema, path: string, errors: FieldError[]): void {
  if (schema.maximum !== undefined) {
    const over = schema.exclusiveMaximum ? value >= schema.maximum : value > schema.maximum;
    if (over) errors.push(invalidValue(path, value, `should be less than ${schema.exclusiveMaximum ? "" : "or equal to "}${schema.maximum}`));
  }
  if (schema.minimum !== undefined) {
    const under = schema.exclusiveMinimum ? value <= schema.minimum : value < schema.minimum;
    if (under) errors.push(invalidValue(path, value, `should be greater than ${schema.exclusiveMinimum ? "" : "or equal to "}${schema.minimum}`));
  }
}

const patterns = new Map<string, RegExp>();

/** A Go (RE2) pattern as a JavaScript RegExp: Go's `(?P<name>` group is `(?<name>` here. */
export function goRegExp(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) patterns.set(pattern, (re = new RegExp(pattern.replaceAll("(?P<", "(?<"))));
  return re;
}

function checkString(value: string, schema: StructuralSchema, path: string, errors: FieldError[]): void {
  const length = [...value].length;
  if (schema.maxLength !== undefined && length > schema.maxLength) {
    const unit = schema.maxLength === 1 ? "byte" : "bytes";
    errors.push({ field: path, reason: "FieldValueTooLong", detail: `Too long: may not be more than ${schema.maxLength} ${unit}` });
  }
  if (schema.minLength !== undefined && length < schema.minLength) {
    errors.push(invalidValue(path, value, `should be at least ${schema.minLength} chars long`));
  }
  if (schema.pattern !== undefined && !goRegExp(schema.pattern).test(value)) {
    errors.push(invalidValue(path, value, `should match '${schema.pattern}'`));
  }
  if (schema.format !== undefined && !checkFormat(schema.format, value)) {
    errors.push(invalidValue(path, value, `must be of type ${schema.format}: ${JSON.stringify(value)}`));
  }
}

function checkArray(value: unknown[], schema: StructuralSchema, path: string, errors: FieldError[]): void {
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    errors.push({ field: path, reason: "FieldValueTooMany", detail: `Too many: ${value.length}: must have at most ${schema.maxItems} items` });
  }
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    errors.push(invalidValue(path, value.length, `should have at least ${schema.minItems} items`));
  }
  const items = schema.items;
  if (items) value.forEach((item, i) => validateNode(item, items, indexField(path, i), errors));
  checkListType(value, schema, path, errors);
}

/** x-kubernetes-list-type set: items unique; map: one item per key (validation.ValidateListSetsAndMaps). */
function checkListType(value: unknown[], schema: StructuralSchema, path: string, errors: FieldError[]): void {
  const listType = schema["x-kubernetes-list-type"];
  if (listType !== "set" && listType !== "map") return;
  const keys = schema["x-kubernetes-list-map-keys"] ?? [];
  const seen: unknown[] = [];
  value.forEach((item, i) => {
    const identity = listType === "set" ? item : isRecord(item) ? Object.fromEntries(keys.map((k) => [k, item[k]])) : item;
    if (seen.some((other) => deepEqual(other, identity))) {
      const shown = listType === "set" ? goValue(item) : `map[string]interface {}${JSON.stringify(identity)}`;
      errors.push({ field: indexField(path, i), reason: "FieldValueDuplicate", detail: `Duplicate value: ${shown}` });
    }
    seen.push(identity);
  });
}

function checkObject(value: Record<string, unknown>, schema: StructuralSchema, path: string, errors: FieldError[]): void {
  for (const name of schema.required ?? []) {
    if (value[name] === undefined) errors.push({ field: childField(path, name), reason: "FieldValueRequired", detail: "Required value" });
  }
  const size = Object.keys(value).length;
  if (schema.maxProperties !== undefined && size > schema.maxProperties) {
    errors.push({ field: path, reason: "FieldValueTooMany", detail: `Too many: ${size}: must have at most ${schema.maxProperties} items` });
  }
  if (schema.minProperties !== undefined && size < schema.minProperties) {
    errors.push(invalidValue(path, size, `should have at least ${schema.minProperties} properties`));
  }
  for (const [name, child] of Object.entries(value)) {
    const property = propertySchema(schema, name);
    if (property && child !== undefined) validateNode(child, property, childField(path, name), errors);
  }
}

/** Errors of one value against one schema node, under `path` (a CRD's defaults are checked this way). */
export function validateValue(value: unknown, schema: StructuralSchema, path: string): FieldError[] {
  const errors: FieldError[] = [];
  validateNode(value, schema, path, errors);
  return errors;
}

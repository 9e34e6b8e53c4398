// Defaulting from a structural schema (structuraldefaulting.Default): a property missing from an object node
// gets a copy of its `default`, then defaults apply below it too (so a defaulted object gets its own fields'
// defaults). A null where the schema is not nullable counts as missing (upstream prunes such nulls before
// defaulting). Runs on create and update, and on every read, as upstream defaults objects read from etcd
// (so a default added to a CRD later shows on objects stored before).
import { clone, isRecord } from "../object-util";
import { propertySchema, type StructuralSchema } from "./structural";

/** Defaults `value` in place. */
export function applySchemaDefaults(value: unknown, schema: StructuralSchema): void {
  if (Array.isArray(value)) {
    const items = schema.items;
    if (items) value.forEach((item) => applySchemaDefaults(item, items));
    return;
  }
  if (!isRecord(value)) return;
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const current = value[name];
    const missing = current === undefined || (current === null && !property.nullable);
    if (missing && property.default !== undefined) value[name] = clone(property.default);
    else if (current === null && !property.nullable) delete value[name];
  }
  for (const [name, child] of Object.entries(value)) {
    const property = propertySchema(schema, name);
    if (property) applySchemaDefaults(child, property);
  }
}

/** Whether defaulting would change `value` (reads skip the copy when nothing is missing). */
export function needsDefaults(value: unknown, schema: StructuralSchema): boolean {
  if (Array.isArray(value)) {
    const items = schema.items;
    return items ? value.some((item) => needsDefaults(item, items)) : false;
  }
  if (!isRecord(value)) return false;
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const current = value[name];
    if ((current === undefined && property.default !== undefined) || (current === null && !property.nullable)) return true;
  }
  return Object.entries(value).some(([name, child]) => {
    const property = propertySchema(schema, name);
    return property ? needsDefaults(child, property) : false;
  });
}

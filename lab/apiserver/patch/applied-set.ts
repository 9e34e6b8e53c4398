// typed.ToFieldSet for an applied configuration: the fields a manager claims by applying it. Scalars and atomic
// lists are members; items of map/set lists are members (and their fields too); a map is never a member itself,
// only its contents are — so an applier owns `.metadata.labels.app`, not `.metadata.labels`, and `labels: {}`
// claims nothing.
import { emptySet, insert, type FieldSet } from "./field-set";
import { fieldElement, valueElement } from "./fields-v1";
import { childPath, isRecord, itemElement, type Schema } from "./schema";

export function appliedFieldSet(config: Record<string, unknown>, schema: Schema): FieldSet {
  const set = emptySet();
  walkMap(config, [], "", schema, set);
  return set;
}

function walk(value: unknown, path: string[], dotted: string, schema: Schema, set: FieldSet): void {
  if (isRecord(value)) {
    walkMap(value, path, dotted, schema, set);
    return;
  }
  const listKind = schema.listKind(dotted);
  if (!Array.isArray(value) || listKind.kind === "atomic") {
    insert(set, path);
    return;
  }
  // A map or set list is not a member as a whole; it owns its items instead (so an empty one claims nothing).
  value.forEach((item, index) => {
    const element = listKind.kind === "map" ? itemElement(item, listKind.keys, index) : valueElement(item);
    insert(set, [...path, element]);
    if (listKind.kind === "map" && isRecord(item)) walkMap(item, [...path, element], dotted, schema, set);
  });
}

function walkMap(value: Record<string, unknown>, path: string[], dotted: string, schema: Schema, set: FieldSet): void {
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined || child === null) continue;
    walk(child, [...path, fieldElement(key)], childPath(dotted, key), schema, set);
  }
}

// Pruning as the apiextensions apiserver does it on every decode (structuralpruning.PruneWithOptions): fields a
// structural schema does not declare are dropped, unless the node says x-kubernetes-preserve-unknown-fields or
// gives additionalProperties. apiVersion, kind and metadata of the object (and of embedded resources) are always
// kept; metadata keeps only ObjectMeta's own fields. The dropped paths are what fieldValidation reports
// (Strict → 400, Warn → a Warning header), since unknown fields are never stored.
import { isRecord } from "../object-util";
import { childField, indexField, keepsUnknownFields, propertySchema, type StructuralSchema } from "./structural";

const OBJECT_META_FIELDS = new Set([
  "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
  "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers", "managedFields",
]);
const TYPE_META = new Set(["apiVersion", "kind"]);

/** Drops undeclared fields from `object` (in place) and returns their paths, in document order. */
export function pruneObject(object: Record<string, unknown>, schema: StructuralSchema): string[] {
  const pruned: string[] = [];
  pruneResource(object, schema, "", pruned);
  return pruned;
}

function pruneResource(object: Record<string, unknown>, schema: StructuralSchema, path: string, out: string[]): void {
  if (isRecord(object.metadata)) {
    for (const key of Object.keys(object.metadata)) {
      if (!OBJECT_META_FIELDS.has(key)) {
        delete object.metadata[key];
        out.push(childField(childField(path, "metadata"), key));
      }
    }
  }
  pruneFields(object, schema, path, out, (key) => TYPE_META.has(key) || key === "metadata");
}

function pruneFields(object: Record<string, unknown>, schema: StructuralSchema, path: string, out: string[], alwaysKept: (key: string) => boolean): void {
  for (const key of Object.keys(object)) {
    if (alwaysKept(key)) continue;
    const field = childField(path, key);
    const child = propertySchema(schema, key);
    if (child) pruneValue(object[key], child, field, out);
    else if (!keepsUnknownFields(schema)) {
      delete object[key];
      out.push(field);
    }
  }
}

function pruneValue(value: unknown, schema: StructuralSchema, path: string, out: string[]): void {
  if (Array.isArray(value)) {
    const items = schema.items;
    if (items) value.forEach((item, i) => pruneValue(item, items, indexField(path, i), out));
    return;
  }
  if (!isRecord(value)) return;
  if (schema["x-kubernetes-embedded-resource"]) pruneResource(value, schema, path, out);
  else pruneFields(value, schema, path, out, () => false);
}

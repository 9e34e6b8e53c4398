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
  const walk = new Walk(true);
  walk.resource(object, schema, "");
  return walk.found;
}

/** The paths pruning would drop, without changing `object` (reads prune only when there is something to drop). */
export function undeclaredPaths(object: Record<string, unknown>, schema: StructuralSchema): string[] {
  const walk = new Walk(false);
  walk.resource(object, schema, "");
  return walk.found;
}

class Walk {
  readonly found: string[] = [];

  constructor(private readonly remove: boolean) {}

  private drop(object: Record<string, unknown>, key: string, path: string): void {
    if (this.remove) delete object[key];
    this.found.push(path);
  }

  resource(object: Record<string, unknown>, schema: StructuralSchema, path: string): void {
    const metadata = object.metadata;
    if (isRecord(metadata)) {
      for (const key of Object.keys(metadata)) {
        if (!OBJECT_META_FIELDS.has(key)) this.drop(metadata, key, childField(childField(path, "metadata"), key));
      }
    }
    this.fields(object, schema, path, (key) => TYPE_META.has(key) || key === "metadata");
  }

  private fields(object: Record<string, unknown>, schema: StructuralSchema, path: string, alwaysKept: (key: string) => boolean): void {
    for (const key of Object.keys(object)) {
      if (alwaysKept(key)) continue;
      const field = childField(path, key);
      const child = propertySchema(schema, key);
      if (child) this.value(object[key], child, field);
      else if (!keepsUnknownFields(schema)) this.drop(object, key, field);
    }
  }

  private value(value: unknown, schema: StructuralSchema, path: string): void {
    if (Array.isArray(value)) {
      const items = schema.items;
      if (items) value.forEach((item, i) => this.value(item, items, indexField(path, i)));
      return;
    }
    if (!isRecord(value)) return;
    if (schema["x-kubernetes-embedded-resource"]) this.resource(value, schema, path);
    else this.fields(value, schema, path, () => false);
  }
}

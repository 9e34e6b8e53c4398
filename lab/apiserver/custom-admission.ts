// What the custom resource strategy does to an object with a structural schema before it is stored, on create,
// update and status writes alike: prune what the schema does not declare, apply defaults, validate (422 with
// apiextensions' field errors). And the read side: pruning and defaults applied to what is served, as upstream's
// decoder applies them to what it reads from etcd (so a CRD's schema change shows on objects stored before it).
// Kinds without a schema are left as they are.
import { clone } from "./object-util";
import { applySchemaDefaults, needsDefaults, pruneObject, ratchet, undeclaredPaths, validateAgainstSchema, type StructuralSchema } from "./schema/index";
import { invalid, type FieldError } from "./status";
import type { KubeObject, ResourceType } from "./types";

/**
 * On update, `existing` is the stored object: schema errors about values the update left unchanged are ratcheted
 * away. `metaErrors` (ObjectMeta's rules, never ratcheted) come first, as the strategy lists them.
 */
export function admitCustomObject(type: ResourceType, object: KubeObject, existing?: KubeObject, metaErrors: FieldError[] = []): void {
  const schema = type.schema;
  let errors = metaErrors;
  if (schema) {
    pruneObject(object, schema);
    applySchemaDefaults(object, schema);
    const found = validateAgainstSchema(object, schema);
    errors = [...metaErrors, ...(existing ? ratchet(found, defaultedForRead(type, existing), object) : found)];
  }
  if (errors.length > 0) throw invalid(type, object.metadata.name ?? "", errors);
}

/** The paths a write would lose to pruning (what fieldValidation Strict refuses and Warn reports). */
export function unknownFields(type: ResourceType, object: KubeObject): string[] {
  return type.schema ? undeclaredPaths(object, type.schema) : [];
}

// Stored objects are frozen and replaced on every write, so the read view of one stored object under one schema
// never changes: remember it (lists and watches read every object many times; the walk is not free).
const readViews = new WeakMap<KubeObject, { schema: StructuralSchema; view: KubeObject }>();

/** The object as read: pruned and defaulted (a copy only when that changes it; stored objects are frozen). */
export function defaultedForRead(type: ResourceType, object: KubeObject): KubeObject {
  const schema = type.schema;
  if (!schema) return object;
  const known = readViews.get(object);
  if (known?.schema === schema) return known.view;
  let view = object;
  if (needsDefaults(object, schema) || undeclaredPaths(object, schema).length > 0) {
    view = clone(object);
    pruneObject(view, schema);
    applySchemaDefaults(view, schema);
  }
  if (Object.isFrozen(object)) readViews.set(object, { schema, view });
  return view;
}

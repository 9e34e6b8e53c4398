// The ownership bookkeeping shared by updates and applies (structured-merge-diff merge.Updater.update):
// every other manager loses the fields the write removed; a manager owning a field the write added or changed
// is in conflict — forced writes (every Update, Apply with force=true) take those fields from it instead.
import type { KubeObject, ResourceType } from "../types";
import { difference, emptySet, insert, intersection, isEmpty, restrictTo, union, without, type FieldSet } from "./field-set";
import { fieldElement } from "./fields-v1";
import type { Comparison } from "./compare";
import { identity, type ManagerSet } from "./managed-fields";

export interface Conflict {
  owner: ManagerSet;
  set: FieldSet;
}

/** Returns the managers after the write, or the conflicts when unforced and some other manager's field changes. */
export function transferOwnership(
  managers: ManagerSet[],
  comparison: Comparison,
  writer: string,
  force: boolean,
): { managers: ManagerSet[]; conflicts: Conflict[] } {
  const changed = union(comparison.modified, comparison.added);
  const conflicts: Conflict[] = [];
  const next = managers.map((entry) => {
    if (identity(entry) === writer) return entry;
    const conflicted = intersection(entry.set, changed);
    if (!isEmpty(conflicted)) conflicts.push({ owner: entry, set: conflicted });
    const kept = difference(difference(entry.set, comparison.removed), force ? conflicted : emptySet());
    return withSet(entry, kept);
  });
  if (!force && conflicts.length > 0) return { managers, conflicts };
  return { managers: next.filter((entry) => !isEmpty(entry.set)), conflicts: [] };
}

/** Keeps the same entry object when the set did not change, so untouched entries stay identical. */
function withSet(entry: ManagerSet, set: FieldSet): ManagerSet {
  return isEmpty(difference(entry.set, set)) && isEmpty(difference(set, entry.set)) ? entry : { ...entry, set };
}

// StripMetaManager: fields the server owns are never anybody's (apiVersion, kind, the metadata struct itself,
// name, namespace, creationTimestamp, selfLink, uid, generation, managedFields, resourceVersion). The lab also
// strips the deletion fields the server sets on graceful deletion.
const STRIPPED: string[][] = [
  ["apiVersion"], ["kind"], ["metadata"],
  ...["name", "namespace", "creationTimestamp", "selfLink", "uid", "clusterName", "generation", "managedFields",
    "resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds"].map((f) => ["metadata", f]),
].map((path) => path.map(fieldElement));

const REPLICAS_SET: FieldSet = (() => {
  const set = emptySet();
  insert(set, [fieldElement("spec"), fieldElement("replicas")]);
  return set;
})();

const STRIP_SET: FieldSet = (() => {
  const set = emptySet();
  for (const path of STRIPPED) insert(set, path);
  return set;
})();

/**
 * What a write by this manager may own: server-owned metadata removed (exact paths, like upstream), and the reset
 * fields of the status subresource split — a main-resource write never owns .status, a status write only .status.
 */
export function ownable(set: FieldSet, type: ResourceType, subresource: "status" | "scale" | undefined): FieldSet {
  const stripped = difference(set, STRIP_SET);
  const status = fieldElement("status");
  if (subresource === "status") return restrictTo(stripped, [status]);
  // A /scale write reaches only the replica count (the scale subresource's field manager maps Scale's
  // spec.replicas onto the parent's and records the parent's fields with subresource "scale").
  if (subresource === "scale") return intersection(stripped, REPLICAS_SET);
  return type.subresources.status ? without(stripped, [status]) : stripped;
}

/** The object without managedFields, which are never compared or merged as content. */
export function content(object: KubeObject | undefined): Record<string, unknown> {
  if (!object) return {};
  const metadata: Record<string, unknown> = { ...object.metadata };
  delete metadata.managedFields;
  return { ...object, metadata };
}

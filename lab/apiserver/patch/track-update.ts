// managedFields after a non-apply write (create, update, merge/JSON/strategic patch), as upstream's
// managedFieldsUpdater does it: the write is compared with the live object; what it added or changed becomes the
// writer's (one Update entry per manager, apiVersion and subresource) and leaves every other manager; what it
// removed leaves everyone. Only when the writer gained fields does its entry get a new time, so an identical
// rewrite returns the entries unchanged.
import type { KubeObject, ManagedFieldsEntry, ResourceType } from "../types";
import { capUpdateManagers } from "./cap-managers";
import { compare } from "./compare";
import { isEmpty, union } from "./field-set";
import { decodeManagedFields, encodeManagedFields, identity, liveManagedFields, type ManagerSet } from "./managed-fields";
import { content, ownable, transferOwnership } from "./ownership";
import { isRecord, schemaFor } from "./schema";

export interface TrackUpdateRequest {
  type: ResourceType;
  before: KubeObject | undefined;
  after: KubeObject;
  manager: string;
  subresource?: "status" | "scale";
  now: string;
}

export function trackUpdate(req: TrackUpdateRequest): ManagedFieldsEntry[] {
  const managers = startingManagers(req);
  const comparison = compare(content(req.before), content(req.after), schemaFor(req.type));
  const writer: ManagerSet = {
    manager: req.manager,
    operation: "Update",
    apiVersion: req.after.apiVersion,
    set: ownable(union(comparison.modified, comparison.added), req.type, req.subresource),
    ...(req.subresource ? { subresource: req.subresource } : {}),
  };
  // The write runs as a fresh "current-operation" manager, so even the writer's own earlier entry gives up
  // what was removed; then what the write touched is merged into the writer's entry.
  const { managers: after } = transferOwnership(managers, comparison, "", true);
  if (isEmpty(writer.set)) return encodeManagedFields(after);
  const key = identity(writer);
  const previous = after.find((entry) => identity(entry) === key);
  const merged: ManagerSet = { ...writer, set: previous ? union(previous.set, writer.set) : writer.set, time: req.now };
  return encodeManagedFields(capUpdateManagers([...after.filter((entry) => entry !== previous), merged]));
}

/**
 * decodeLiveOrNew: a status (or scale) write keeps the live entries; a write carrying managedFields replaces them (a single
 * empty entry resets them to none); a write without them, or with undecodable ones, keeps the live entries.
 */
function startingManagers(req: TrackUpdateRequest): ManagerSet[] {
  if (req.subresource) return liveManagedFields(req.before);
  const sent = req.after.metadata.managedFields;
  if (Array.isArray(sent) && sent.length === 1 && isRecord(sent[0]) && Object.keys(sent[0]).length === 0) return [];
  const decoded = decodeManagedFields(sent);
  if (!decoded || decoded.length === 0) return liveManagedFields(req.before);
  return decoded;
}

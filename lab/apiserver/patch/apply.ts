// Server-side apply (merge.Updater.Apply + managedFieldsUpdater): merge the applied configuration into the live
// object, record the applier's field set, prune what it applied last time and applies no more (unless another
// manager owns it), then settle ownership — an unforced change to someone else's field is a conflict.
// When nothing but ownership could change, the live object comes back untouched (same managedFields time).
import { deepEqual } from "../object-util";
import type { KubeObject, ResourceType } from "../types";
import { appliedFieldSet } from "./applied-set";
import { mergeConfig, removePaths } from "./apply-merge";
import { compare } from "./compare";
import { capUpdateManagers } from "./cap-managers";
import { conflictError } from "./conflicts";
import { difference, has, hasMemberBelow, isEmpty, members, union, type FieldSet } from "./field-set";
import { allowedFromLastApplied, KUBECTL } from "./last-applied";
import { decodeManagedFields, encodeManagedFields, identity, liveManagedFields, type ManagerSet } from "./managed-fields";
import { content, ownable, transferOwnership, type Conflict } from "./ownership";
import { schemaFor, type Schema } from "./schema";
import { trackUpdate } from "./track-update";

export interface ApplyRequest {
  type: ResourceType;
  existing: KubeObject | undefined;
  /** The applied configuration, already checked and stripped of server-owned metadata. */
  config: Record<string, unknown>;
  manager: string;
  force: boolean;
  subresource?: "status" | "scale";
  now: string;
}

export function serverSideApply(req: ApplyRequest): KubeObject {
  const schema = schemaFor(req.type);
  const live = content(req.existing);
  const applier: ManagerSet = {
    manager: req.manager,
    operation: "Apply",
    apiVersion: String(req.config.apiVersion),
    set: ownable(appliedFieldSet(req.config, schema), req.type, req.subresource),
    ...(req.subresource ? { subresource: req.subresource } : {}),
  };
  const key = identity(applier);
  const before = managersBeforeApply(req);
  const previous = before.find((entry) => identity(entry) === key);
  const managers = [...before.filter((entry) => entry !== previous), { ...applier, ...(previous?.time ? { time: previous.time } : {}) }];

  const merged = mergeConfig(live, req.config, "", schema) as Record<string, unknown>;
  if (previous) prune(merged, previous.set, managers, schema);

  const comparison = compare(live, merged, schema);
  let outcome = transferOwnership(managers, comparison, key, req.force);
  if (outcome.conflicts.length > 0) {
    const remaining = unallowedConflicts(req.manager, live, outcome.conflicts, schema);
    if (remaining.length > 0) throw conflictError(remaining);
    outcome = transferOwnership(managers, comparison, key, true);
  }
  const changed = !req.existing || !deepEqual(live, merged);
  const settled = outcome.managers.map((entry) =>
    identity(entry) === key && (changed || !entry.time) ? { ...entry, time: req.now } : entry,
  );
  const base = changed ? merged : live;
  const metadata = { ...(base.metadata as Record<string, unknown>), managedFields: encodeManagedFields(capUpdateManagers(settled)) };
  return { ...base, metadata } as KubeObject;
}

/**
 * skipNonAppliedManager: an existing object nobody manages yet (no managedFields) first has all its fields
 * recorded for "before-first-apply", so an apply cannot silently take them over.
 */
function managersBeforeApply(req: ApplyRequest): ManagerSet[] {
  const live = liveManagedFields(req.existing);
  if (!req.existing || live.length > 0) return live;
  const untracked = { ...req.existing, metadata: { ...req.existing.metadata, managedFields: undefined } };
  const entries = trackUpdate({ type: req.type, before: undefined, after: untracked, manager: "before-first-apply", now: req.now });
  return decodeManagedFields(entries) ?? [];
}

/** Conflicts left once kubectl's client-side-apply bridge has allowed its own (see last-applied.ts). */
function unallowedConflicts(manager: string, live: Record<string, unknown>, conflicts: Conflict[], schema: Schema): Conflict[] {
  const allowed = manager === KUBECTL ? allowedFromLastApplied(live, schema) : undefined;
  if (!allowed) return conflicts;
  return conflicts.map((c) => ({ ...c, set: difference(c.set, allowed) })).filter((c) => !isEmpty(c.set));
}

/**
 * Removes what the applier applied last time and no longer does, unless some manager (the applier's new set
 * included) still owns it or something below it (addBackOwnedItems / addBackDanglingItems).
 */
function prune(merged: Record<string, unknown>, lastSet: FieldSet, managers: ManagerSet[], schema: Schema): void {
  const owned = managers.reduce<FieldSet>((all, entry) => union(all, entry.set), { member: false, children: new Map() });
  const dropped = members(lastSet).filter((path) => !has(owned, path) && !hasMemberBelow(owned, path));
  removePaths(merged, dropped, schema);
}

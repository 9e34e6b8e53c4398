// How one plan differs from another, cluster by cluster: what the planner worker sends the console's thread
// (server/model/planner-host.ts) instead of the whole plan, and what a preview's consequences are computed from
// (the cost of what changed, not of the fleet). Pure. Objects are compared by identity: the warm planner keeps
// an unchanged object's identity, so what it rebuilt is what crosses; a cluster whose array is the same is left out.
import type { Condition } from "./conditions";
import type { DesiredObject } from "./desired";
import { compareStrings } from "./json";
import { byDesiredId, desiredId } from "./place";
import type { HeldBack, PlanResult } from "./plan-result";

/**
 * One cluster's change. `replace`: the cluster's complete sorted object list (a cluster new to the plan, or a cold
 * plan). `patch`: objects added or changed (`upserts`) and ids (desiredId: kind/namespace/name) no longer planned.
 */
export type ClusterDelta =
  | { kind: "replace"; objects: DesiredObject[] }
  | { kind: "patch"; upserts: DesiredObject[]; removes: string[] };

/** Clusters absent from `clusters` are unchanged (the same array as before). */
export type PlanDelta = {
  clusters: Record<string, ClusterDelta>;
  /** Clusters the plan no longer has. */
  removedClusters: string[];
  /** The new plan's conditions and held-back clusters, whole (they are small). */
  conditions: Condition[];
  heldBack: HeldBack[];
};

export type { PlanResult };

/** Upserts and removes between two lists sorted by desiredId (as plan() sorts them), in one pass. */
function patchOf(before: readonly DesiredObject[], after: readonly DesiredObject[]): ClusterDelta & { kind: "patch" } {
  const upserts: DesiredObject[] = [];
  const removes: string[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const b = before[i];
    const a = after[j];
    // The common case, an object the planner kept: no id needed.
    if (a !== undefined && a === b) {
      i++;
      j++;
      continue;
    }
    const order = !b ? 1 : !a ? -1 : byDesiredId(b, a);
    if (order < 0) {
      removes.push(desiredId(b as DesiredObject));
      i++;
    } else if (order > 0) {
      upserts.push(a as DesiredObject);
      j++;
    } else {
      if (a !== b) upserts.push(a as DesiredObject);
      i++;
      j++;
    }
  }
  return { kind: "patch", upserts, removes };
}

/** How `after` differs from `before` (undefined: nothing planned yet, every cluster is replaced). */
export function planDelta(before: PlanResult | undefined, after: PlanResult): PlanDelta {
  const clusters: Record<string, ClusterDelta> = {};
  for (const [name, objects] of Object.entries(after.clusters)) {
    const previous = before?.clusters[name];
    if (previous === objects) continue;
    if (!previous) {
      clusters[name] = { kind: "replace", objects };
      continue;
    }
    const patch = patchOf(previous, objects);
    if (patch.upserts.length > 0 || patch.removes.length > 0) clusters[name] = patch;
  }
  const removedClusters = Object.keys(before?.clusters ?? {}).filter((name) => !(name in after.clusters));
  return { clusters, removedClusters, conditions: after.conditions, heldBack: after.heldBack };
}

/**
 * The desiredIds of sorted lists, kept by a caller that patches the same lists again (the planner host's mirror):
 * a patch then compares strings in an array instead of looking every object's id up.
 */
export type ListIds = WeakMap<readonly DesiredObject[], readonly string[]>;

/**
 * How a patched list was made (applyClusterDelta): the list it was patched from and the patch. A reader that kept
 * something aligned with `from` (the registry's comparisons) can splice the same changes into it. `from` is weak:
 * a list nobody else holds any more is not kept alive for this.
 */
export type ListPatch = { from: WeakRef<readonly DesiredObject[]>; upserts: readonly DesiredObject[]; removes: readonly string[] };
export type ListPatches = WeakMap<readonly DesiredObject[], ListPatch>;

type Listed = { list: DesiredObject[]; ids: string[] };
type Sorted = { list: readonly DesiredObject[]; ids: readonly string[] };

/** Where `id` is, or would go, in sorted ids. */
function lowerBoundOf(ids: readonly string[], id: string): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareStrings(ids[mid] as string, id) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A few changes: copy, then binary search and splice each (the cost of what changed, not of the list). */
function patchedFew(before: Sorted, upserts: readonly DesiredObject[], removes: readonly string[]): Listed {
  const list = before.list.slice();
  const ids = before.ids.slice();
  for (const id of removes) {
    const at = lowerBoundOf(ids, id);
    if (ids[at] !== id) continue;
    list.splice(at, 1);
    ids.splice(at, 1);
  }
  for (const o of upserts) {
    const id = desiredId(o);
    const at = lowerBoundOf(ids, id);
    if (ids[at] === id) list[at] = o;
    else {
      list.splice(at, 0, o);
      ids.splice(at, 0, id);
    }
  }
  return { list, ids };
}

/** `before`'s list with the upserts merged in (by desiredId) and the removed ids left out, in one pass. */
function merged(before: Sorted, upserts: readonly DesiredObject[], removes: readonly string[]): Listed {
  const gone = new Set(removes);
  const upsertIds = upserts.map(desiredId);
  const out: Listed = { list: [], ids: [] };
  const push = (o: DesiredObject, id: string) => {
    out.list.push(o);
    out.ids.push(id);
  };
  let i = 0;
  let j = 0;
  while (i < before.list.length || j < upserts.length) {
    const b = before.ids[i];
    const u = upsertIds[j];
    const order = b === undefined ? 1 : u === undefined ? -1 : compareStrings(b, u);
    if (order < 0) {
      if (!gone.has(b as string)) push(before.list[i] as DesiredObject, b as string);
      i++;
    } else {
      push(upserts[j] as DesiredObject, u as string);
      if (order === 0) i++;
      j++;
    }
  }
  return out;
}

/** One cluster's list after `change` (`before`: its list in the previous plan; `index`: see ListIds; `patches`: ListPatches). */
export function applyClusterDelta(before: readonly DesiredObject[] | undefined, change: ClusterDelta, index?: ListIds, patches?: ListPatches): DesiredObject[] {
  if (change.kind === "replace") {
    if (index && !index.has(change.objects)) index.set(change.objects, change.objects.map(desiredId));
    return change.objects;
  }
  const list = before ?? [];
  const previous: Sorted = { list, ids: index?.get(list) ?? list.map(desiredId) };
  const changes = change.upserts.length + change.removes.length;
  const after = changes * 64 < list.length ? patchedFew(previous, change.upserts, change.removes) : merged(previous, change.upserts, change.removes);
  index?.set(after.list, after.ids);
  patches?.set(after.list, { from: new WeakRef(list), upserts: change.upserts, removes: change.removes });
  return after.list;
}

/**
 * The plan `delta` was computed to: unchanged clusters keep their array, clusters sorted as plan() sorts them.
 * `applied`: clusters whose list the caller already computed with applyClusterDelta (spreading the work).
 */
export function applyPlanDelta(before: PlanResult | undefined, delta: PlanDelta, applied: Record<string, DesiredObject[]> = {}): PlanResult {
  const removed = new Set(delta.removedClusters);
  const names = new Set([...Object.keys(before?.clusters ?? {}).filter((n) => !removed.has(n)), ...Object.keys(delta.clusters)]);
  const clusters: Record<string, DesiredObject[]> = {};
  for (const name of [...names].sort(compareStrings)) {
    const change = delta.clusters[name];
    const previous = before?.clusters[name];
    clusters[name] = !change ? (previous ?? []) : (applied[name] ?? applyClusterDelta(previous, change));
  }
  return { clusters, conditions: delta.conditions, heldBack: delta.heldBack };
}

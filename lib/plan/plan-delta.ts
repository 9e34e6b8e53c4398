// How one plan differs from another, cluster by cluster: what the planner worker sends the console's thread
// (server/model/planner-host.ts) instead of the whole plan, and what a preview's consequences are computed from
// (the cost of what changed, not of the fleet). Pure. Objects are compared by identity: the warm planner keeps
// an unchanged object's identity, so what it rebuilt is what crosses; a cluster whose array is the same is left out.
import type { Condition } from "./conditions";
import type { DesiredObject } from "./desired";
import { compareStrings } from "./json";
import { edited, type Insert } from "./list-edits";
import { byDesiredId, desiredId, lowerBound } from "./place";
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
 * How a patched list was made (applyClusterDelta): the list it was patched from and the patch. A reader that kept
 * something aligned with `from` (the registry's comparisons) can splice the same changes into it. `from` is weak:
 * a list nobody else holds any more is not kept alive for this.
 */
export type ListPatch = { from: WeakRef<readonly DesiredObject[]>; upserts: readonly DesiredObject[]; removes: readonly string[] };
export type ListPatches = WeakMap<readonly DesiredObject[], ListPatch>;

/**
 * A few changes: each found by binary search, the list made once at its final size (list-edits.ts). Removes
 * first, then upserts: an upsert replaces the object under its id, or brings back one just removed.
 */
function patchedFew(before: readonly DesiredObject[], upserts: readonly DesiredObject[], removes: readonly string[]): DesiredObject[] {
  const at = (id: string) => {
    const i = lowerBound(before, id);
    return { i, here: i < before.length && desiredId(before[i] as DesiredObject) === id };
  };
  const puts = new Map<number, DesiredObject | null>();
  for (const id of removes) {
    const { i, here } = at(id);
    if (here) puts.set(i, null);
  }
  const inserts = new Map<string, Insert<DesiredObject>>();
  for (const o of upserts) {
    const id = desiredId(o);
    const { i, here } = at(id);
    if (here) puts.set(i, o);
    else inserts.set(id, { at: i, item: o });
  }
  return edited(before, puts, inserts);
}

/**
 * `before` with the upserts (sorted by desiredId, as planDelta lists them) merged in and the removed ids left out,
 * in one pass over both, into one array of the most it can hold, then cut. Ids come from desiredId's memo.
 */
function merged(before: readonly DesiredObject[], upserts: readonly DesiredObject[], removes: readonly string[]): DesiredObject[] {
  const gone = new Set(removes);
  const upsertIds = upserts.map(desiredId);
  const out = new Array<DesiredObject>(before.length + upserts.length);
  let [i, j, at] = [0, 0, 0];
  while (i < before.length || j < upserts.length) {
    const b = i < before.length ? desiredId(before[i] as DesiredObject) : undefined;
    const u = upsertIds[j];
    const order = b === undefined ? 1 : u === undefined ? -1 : compareStrings(b, u);
    if (order < 0) {
      if (!gone.has(b as string)) out[at++] = before[i] as DesiredObject;
      i++;
    } else {
      out[at++] = upserts[j] as DesiredObject;
      if (order === 0) i++;
      j++;
    }
  }
  out.length = at;
  return out;
}

/** One cluster's list after `change` (`before`: its list in the previous plan; `patches`: ListPatches). */
export function applyClusterDelta(before: readonly DesiredObject[] | undefined, change: ClusterDelta, patches?: ListPatches): DesiredObject[] {
  if (change.kind === "replace") return change.objects;
  const list = before ?? [];
  const changes = change.upserts.length + change.removes.length;
  const after = changes * 64 < list.length ? patchedFew(list, change.upserts, change.removes) : merged(list, change.upserts, change.removes);
  patches?.set(after, { from: new WeakRef(list), upserts: change.upserts, removes: change.removes });
  return after;
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

// compareCluster (standalone mode) for a cluster that changed a little since its last comparison: the planner
// keeps unchanged planned objects, the snapshot keeps unchanged live ones, so only pairs where either side is a
// different object are compared again; everything else is the previous comparison. Same statuses as a full
// comparison, in the same order (unplanned ones sorted by id, as compareCluster gives them).
import type { DesiredObject } from "@/lib/plan/desired";
import { compareStrings } from "@/lib/plan/json";
import { desiredId, lowerBound } from "@/lib/plan/place";
import { compareCluster, compareWith, inIdOrder, unplanned, type Comparison } from "./compare";
import { chunkBuilder, chunkList, itemAt, listItems, type ChunkList } from "./chunk-list";
import { findLive, liveOf, samePlan, splicedPlan, type Changes, type Patch, type Planned } from "./compare-planned";
import type { OwnershipScope } from "./ownership-scope";
import type { RegistryMemos } from "./registry-memos";
import { joined } from "./snapshot-lists";
import { observedId, type ObservedObject, type ObservedParts } from "./types";

/**
 * What a patch changed against the comparison it was patched from (the `previous` argument): the comparisons no
 * longer in the list and those new to it, by identity; every other comparison is the very object it was. Set
 * on every patch (not on a full comparison); a comparison handed back unchanged keeps the delta of its own patch,
 * so a reader first checks whether it got `previous` itself (diff-patch.ts).
 */
export type ComparedDelta = { retired: readonly Comparison[]; added: readonly Comparison[] };

export type Compared = {
  desired: readonly DesiredObject[];
  observed: ObservedParts;
  scope: OwnershipScope;
  /** One comparison per planned object, in the plan's order, in chunks its versions share (chunk-list.ts). */
  planned: ChunkList<Comparison>;
  /** Live objects nobody plans (ours to delete, foreign ones to report), by id: compareCluster's tail. */
  unplanned: readonly Comparison[];
  delta?: ComparedDelta;
};

/** Every comparison in compareCluster's order: the planned ones, then the unplanned ones. */
export function comparisonsOf(compared: Compared): Comparison[] {
  return [...listItems(compared.planned), ...compared.unplanned];
}

/** What differs between two observed lists, part by part: a part that is the same list costs nothing. */
function changes(from: ObservedParts, to: ObservedParts): Changes {
  const pairs = from.length === to.length ? from.map((part, i) => [part, to[i] ?? []] as const) : [[joined(from), joined(to)] as const];
  const added: ObservedObject[] = [];
  const removed = new Set<ObservedObject>();
  for (const [a, b] of pairs) {
    if (a === b) continue;
    const [inA, inB] = [new Set(a), new Set(b)];
    for (const o of b) if (!inA.has(o)) added.push(o);
    for (const o of a) if (!inB.has(o)) removed.add(o);
  }
  return { added, removed };
}

function isDesired(desired: readonly DesiredObject[], id: string): boolean {
  const at = lowerBound(desired, id);
  return at < desired.length && desiredId(desired[at] as DesiredObject) === id;
}

function patchOf(previous: Compared, observed: ObservedParts): Patch {
  const found = changes(previous.observed, observed);
  const addedById = new Map(found.added.map((o) => [observedId(o), o]));
  const dirty = new Set([...addedById.keys(), ...[...found.removed].map(observedId)]);
  // The live object for an id: a new one, else the one known before (every known one is from the previous list)
  // if it is still there.
  const liveFor = (id: string, known: ObservedObject | undefined) => addedById.get(id) ?? (known && !found.removed.has(known) ? known : undefined);
  return { changes: found, dirty, liveFor };
}

/**
 * The planned part: both sorted lists merged, unchanged pairs kept, pairs whose live side changed redone. (A map
 * from id to position would skip the walk when the plan is a new list, but building it per plan costs more
 * than the walk: each plan meets each changed live list about once.) Its delta names the planned comparisons
 * replaced or dropped and those new: a plan that changed a few objects (a new Service) then costs the diff what
 * changed, not a new pass over every comparison (diff-patch.ts).
 */
function mergedPlan(previous: Compared, desired: readonly DesiredObject[], observed: ObservedParts, patch: Patch, extras: ReadonlyMap<string, Comparison>, memos: RegistryMemos | undefined): Planned {
  if (previous.desired === desired) return samePlan(previous, patch, memos);
  const change = memos?.listPatch?.(desired);
  const spliced = change && splicedPlan(previous, desired, change, patch, extras, observed, memos);
  if (spliced) return spliced;
  const scope = previous.scope;
  const prevDesired = previous.desired;
  const before = (j: number) => itemAt(previous.planned, j) as Comparison;
  const out = chunkBuilder<Comparison>();
  const dropped: Comparison[] = [];
  const retired: Comparison[] = [];
  const added: Comparison[] = [];
  // A previously unplanned comparison this one replaces leaves with the unplanned part's delta (unplannedDelta).
  const swap = (was: Comparison | undefined, now: Comparison) => {
    if (now === was) return now;
    if (was) retired.push(was);
    added.push(now);
    return now;
  };
  let j = 0;
  for (const d of desired) {
    if (prevDesired[j] === d) {
      const c = before(j++);
      out.push(patch.dirty.size > 0 && patch.dirty.has(c.id) ? swap(c, compareWith(d, patch.liveFor(c.id, liveOf(c)), scope, memos)) : c);
      continue;
    }
    const id = desiredId(d);
    while (j < prevDesired.length && compareStrings(desiredId(prevDesired[j] as DesiredObject), id) < 0) dropped.push(before(j++));
    const planned = j < prevDesired.length && desiredId(prevDesired[j] as DesiredObject) === id ? before(j++) : undefined;
    const same = planned ?? extras.get(id);
    // A newly planned id may name a live object that was neither planned nor ours (foreign): look it up.
    out.push(swap(planned, compareWith(d, same ? patch.liveFor(id, liveOf(same)) : findLive(observed, id, memos), scope, memos)));
  }
  while (j < prevDesired.length) dropped.push(before(j++));
  return { planned: out.done(), dropped, delta: { retired: [...retired, ...dropped], added } };
}

/**
 * Unplanned: the old ones still live and still unplanned, plus live objects nobody plans any more (ours to
 * delete, or foreign ones claiming to be ours, to report). An unplanned comparison depends only on its live
 * object and the scope (the same scope here), so one whose live object is unchanged is kept as the same object.
 */
function unplannedPart(previous: Compared, desired: readonly DesiredObject[], patch: Patch, extras: Map<string, Comparison>, dropped: Comparison[], memos: RegistryMemos | undefined): Comparison[] {
  const candidates = [...[...extras.values()].map(liveOf), ...dropped.map(liveOf), ...patch.changes.added];
  const seen = new Set<ObservedObject>();
  const now: Comparison[] = [];
  for (const o of candidates) {
    if (!o || seen.has(o) || patch.changes.removed.has(o)) continue;
    const id = observedId(o);
    if (isDesired(desired, id)) continue;
    seen.add(o);
    const before = extras.get(id);
    const c = before && liveOf(before) === o ? before : unplanned(o, previous.scope, memos);
    if (c) now.push(c);
  }
  return inIdOrder(now);
}

/** The unplanned part's share of a delta: comparisons in one list and not the other, by identity. */
function unplannedDelta(before: Iterable<Comparison>, now: readonly Comparison[], planned: ComparedDelta): ComparedDelta {
  const [was, is] = [new Set(before), new Set(now)];
  const retired = [...planned.retired, ...[...was].filter((c) => !is.has(c))];
  return { retired, added: [...planned.added, ...now.filter((c) => !was.has(c))] };
}

/** The first comparison of a cluster, or one under a new scope: compareCluster, its planned part in chunks. */
function fullComparison(desired: readonly DesiredObject[], observed: ObservedParts, scope: OwnershipScope, memos: RegistryMemos | undefined): Compared {
  const all = compareCluster(desired, observed.length === 1 ? (observed[0] ?? []) : joined(observed), "standalone", scope, memos);
  return { desired, observed, scope, planned: chunkList(all, desired.length), unplanned: all.slice(desired.length) };
}

/**
 * `observed`: the cluster's live objects in parts (clusterParts). `scope`: a different scope object than last time
 * (the workspaces' namespaces changed) means a full comparison.
 */
export function compareIncrementally(previous: Compared | undefined, desired: readonly DesiredObject[], observed: ObservedParts, scope: OwnershipScope, memos?: RegistryMemos): Compared {
  if (!previous || previous.scope !== scope) return fullComparison(desired, observed, scope, memos);
  if (previous.desired === desired && previous.observed === observed) return previous;
  const patch = patchOf(previous, observed);
  const extras = new Map(previous.unplanned.map((c) => [c.id, c]));
  const { planned, dropped, delta } = mergedPlan(previous, desired, observed, patch, extras, memos);
  const unplanned = unplannedPart(previous, desired, patch, extras, dropped, memos);
  return { desired, observed, scope, planned, unplanned, delta: unplannedDelta(extras.values(), unplanned, delta) };
}

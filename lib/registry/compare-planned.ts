// The planned part of a patched comparison (compare-patch.ts) when the plan changed by little or not at all: the
// previous comparisons kept, their chunks shared (chunk-list.ts), and only what changed compared again, each found
// by binary search.
// The cost of what changed, not a walk over a cluster's tens of thousands of planned objects.
import type { DesiredObject } from "@/lib/plan/desired";
import { desiredId, lowerBound } from "@/lib/plan/place";
import type { Insert } from "@/lib/plan/list-edits";
import type { ListPatch } from "@/lib/plan/plan-delta";
import { editedList, itemAt, type ChunkList } from "./chunk-list";
import { compareWith, type Comparison } from "./compare";
import type { ComparedDelta, Compared } from "./compare-patch";
import { liveById, observedIndex } from "./observed-index";
import type { RegistryMemos } from "./registry-memos";
import type { ObservedObject, ObservedParts } from "./types";

export type Changes = { added: ObservedObject[]; removed: ReadonlySet<ObservedObject> };

/** What the live side changed: the objects, their ids (`dirty`), and the live object now under an id. */
export type Patch = { changes: Changes; dirty: Set<string>; liveFor: (id: string, known: ObservedObject | undefined) => ObservedObject | undefined };

/** The planned comparisons (one per planned object, in order), those no longer planned, and the delta. */
export type Planned = { planned: ChunkList<Comparison>; dropped: Comparison[]; delta: ComparedDelta };

/** A live object by id, through each part's own index (built once per list, so kept while it is unchanged). */
export function findLive(observed: ObservedParts, id: string, memos: RegistryMemos | undefined): ObservedObject | undefined {
  for (const part of observed) {
    const found = liveById(observedIndex(part, memos), id);
    if (found) return found;
  }
  return undefined;
}

export const liveOf = (c: Comparison | undefined) => (c && "observed" in c ? c.observed : undefined);

/**
 * The planned part when the plan is the same list (the registry's own writes streaming back): the previous
 * comparisons kept, and only the dirty ids compared again, found by binary search — O(k log n) for k changed
 * live objects instead of a walk over every planned object; only their chunks are copied. When many ids are dirty
 * (a convergence: thousands of objects appear at once) the walk with one Set probe per planned object is cheaper,
 * so past n / log n it walks. A dirty id that is not planned is the unplanned part's business.
 */
export function samePlan(previous: Compared, patch: Patch, memos: RegistryMemos | undefined): Planned {
  const desired = previous.desired;
  const puts = new Map<number, Comparison>();
  const retired: Comparison[] = [];
  const added: Comparison[] = [];
  const redo = (at: number, before: Comparison, id: string) => {
    const now = compareWith(desired[at] as DesiredObject, patch.liveFor(id, liveOf(before)), previous.scope, memos);
    if (now === before) return;
    puts.set(at, now);
    retired.push(before);
    added.push(now);
  };
  if (patch.dirty.size * Math.log2(desired.length + 1) < desired.length) {
    for (const id of patch.dirty) {
      const at = lowerBound(desired, id);
      const d = desired[at];
      if (d && desiredId(d) === id) redo(at, itemAt(previous.planned, at) as Comparison, id);
    }
  } else {
    const { chunks, starts } = previous.planned;
    chunks.forEach((chunk, k) => chunk.forEach((c, i) => patch.dirty.has(c.id) && redo((starts[k] as number) + i, c, c.id)));
  }
  return { planned: editedList(previous.planned, puts, NO_INSERTS), dropped: [], delta: { retired, added } };
}

const NO_INSERTS: ReadonlyMap<string, Insert<Comparison>> = new Map();

/** Past this many planned objects per change, splicing each change costs less than walking the list. */
const SPLICE_RATIO = 64;

/**
 * The planned part when the plan's list was made from the one last compared by a known patch (`change`, kept by
 * the planner host's mirror, plan-delta.ts): the patch's removes and upserts found by binary search in the
 * previous plan (its comparisons are in the same order) and applied to the chunks they fall in (chunk-list.ts),
 * then the dirty live ids redone — the edits the mirror made to the list itself, so the comparisons stay aligned
 * with it. Undefined when the patch is not from that list or changes too much (then the caller walks).
 */
export function splicedPlan(previous: Compared, desired: readonly DesiredObject[], change: ListPatch, patch: Patch, extras: ReadonlyMap<string, Comparison>, observed: ObservedParts, memos: RegistryMemos | undefined): Planned | undefined {
  if (change.from.deref() !== previous.desired) return undefined;
  if ((change.upserts.length + change.removes.length + patch.dirty.size) * SPLICE_RATIO >= desired.length) return undefined;
  const find = (id: string) => {
    const at = lowerBound(previous.desired, id);
    const c = itemAt(previous.planned, at);
    return { at, known: c?.id === id ? c : undefined };
  };
  const [dropped, retired, added]: [Comparison[], Comparison[], Comparison[]] = [[], [], []];
  const puts = new Map<number, Comparison | null>();
  for (const id of change.removes) {
    const { at, known } = find(id);
    if (!known) continue;
    dropped.push(known);
    puts.set(at, null);
  }
  // planDelta lists each id once, so each upsert is its own put or insert.
  const inserts = new Map<string, Insert<Comparison>>();
  for (const d of change.upserts) {
    const id = desiredId(d);
    const { at, known } = find(id);
    // One the patch also removed is planned anew: it comes back in its place as a new comparison.
    const kept = known && puts.get(at) !== null ? known : undefined;
    // As the walk does: the live object the comparison under this id knew (planned or unplanned), else a lookup.
    const same = kept ?? extras.get(id);
    const now = compareWith(d, same ? patch.liveFor(id, liveOf(same)) : findLive(observed, id, memos), previous.scope, memos);
    if (now === kept) continue;
    if (kept) retired.push(kept);
    if (known) puts.set(at, now);
    else inserts.set(id, { at, item: now });
    added.push(now);
  }
  const spliced = editedList(previous.planned, puts, inserts);
  if (spliced.length !== desired.length) return undefined;
  const redone = new Set(change.upserts.map(desiredId));
  const again = new Map<number, Comparison>();
  for (const id of patch.dirty) {
    const at = lowerBound(desired, id);
    const was = itemAt(spliced, at);
    if (redone.has(id) || was?.id !== id) continue;
    const now = compareWith(desired[at] as DesiredObject, patch.liveFor(id, liveOf(was)), previous.scope, memos);
    if (now === was) continue;
    again.set(at, now);
    retired.push(was);
    added.push(now);
  }
  return { planned: editedList(spliced, again, NO_INSERTS), dropped, delta: { retired: [...retired, ...dropped], added } };
}

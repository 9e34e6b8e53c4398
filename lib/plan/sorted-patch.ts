// A cluster's sorted list of planned objects after a placement change (placement.ts), computed before the change
// is applied to the cluster's set: a few ids by binary search and splice, many by one walk of the list.
import type { DesiredObject } from "./desired";
import { compareStrings } from "./json";
import { desiredId, lowerBound } from "./place";

/** One cluster's pending change: checked against `base` without touching it, applied once all is clean. */
export type Change = { base: Map<string, DesiredObject>; removed: Set<string>; added: Map<string, DesiredObject> };

/** A few ids: binary search and splice. */
function patchFew(previous: readonly DesiredObject[], touched: Iterable<string>, change: Change): DesiredObject[] {
  const sorted = previous.slice();
  for (const id of touched) {
    const at = lowerBound(sorted, id);
    const present = at < sorted.length && desiredId(sorted[at] as DesiredObject) === id;
    const now = change.added.get(id);
    if (present && now) sorted[at] = now;
    else if (present) sorted.splice(at, 1);
    else if (now) sorted.splice(at, 0, now);
  }
  return sorted;
}

/**
 * Many ids (each splice would move the whole tail): one walk of the list. Replaced and removed objects are
 * recognised by identity (they are `change.base`'s, read before the change is applied), so only the new ids
 * are searched for; comparing every object's id was most of a large patch's cost.
 */
function patchMany(previous: readonly DesiredObject[], change: Change): DesiredObject[] {
  const swaps = new Map<DesiredObject, DesiredObject | undefined>();
  for (const id of change.removed) swaps.set(change.base.get(id) as DesiredObject, change.added.get(id));
  const inserts: { at: number; id: string; object: DesiredObject }[] = [];
  for (const [id, object] of change.added) if (!change.removed.has(id)) inserts.push({ at: lowerBound(previous, id), id, object });
  inserts.sort((a, b) => a.at - b.at || compareStrings(a.id, b.id));
  const out: DesiredObject[] = [];
  let k = 0;
  previous.forEach((o, i) => {
    for (; k < inserts.length && (inserts[k] as (typeof inserts)[number]).at === i; k++) out.push((inserts[k] as (typeof inserts)[number]).object);
    if (!swaps.has(o)) out.push(o);
    else {
      const now = swaps.get(o);
      if (now) out.push(now);
    }
  });
  for (; k < inserts.length; k++) out.push((inserts[k] as (typeof inserts)[number]).object);
  return out;
}

/** The cluster's sorted list after `change`, computed before the change is applied to its set. */
export function patchSorted(previous: readonly DesiredObject[], touched: ReadonlySet<string>, change: Change): DesiredObject[] {
  return touched.size <= 32 ? patchFew(previous, touched, change) : patchMany(previous, change);
}


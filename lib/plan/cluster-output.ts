// One cluster's planned objects as the sorted list the plan returns. When a plan changes a few objects, the
// previous sorted list is patched (objects replaced in place, new ids merged in) instead of sorted again, and an
// unchanged cluster gets its previous list back — the same array, so the controller's per-cluster diff memo
// (keyed on that identity) skips it.
import type { DesiredObject } from "./desired";
import { byDesiredId, desiredId } from "./place";

export type ClusterOutput = { sorted: DesiredObject[]; byId: ReadonlyMap<string, DesiredObject> };

function unchanged(objects: ReadonlyMap<string, DesiredObject>, previous: ClusterOutput): boolean {
  if (objects.size !== previous.byId.size) return false;
  for (const [id, o] of objects) if (previous.byId.get(id) !== o) return false;
  return true;
}

function merge(a: DesiredObject[], b: DesiredObject[]): DesiredObject[] {
  const out: DesiredObject[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(byDesiredId(a[i] as DesiredObject, b[j] as DesiredObject) <= 0 ? (a[i++] as DesiredObject) : (b[j++] as DesiredObject));
  while (i < a.length) out.push(a[i++] as DesiredObject);
  while (j < b.length) out.push(b[j++] as DesiredObject);
  return out;
}

/**
 * The objects of `ids` (keys of `objects`) in id order. The default sort compares strings by UTF-16 code units, as
 * compareStrings does, without a call per comparison: half the time of a comparator on a cold plan's 29,000-object
 * clusters.
 */
function sortedById(objects: ReadonlyMap<string, DesiredObject>, ids: string[]): DesiredObject[] {
  return ids.sort().map((id) => objects.get(id) as DesiredObject);
}

export function clusterOutput(objects: ReadonlyMap<string, DesiredObject>, previous: ClusterOutput | undefined): ClusterOutput {
  if (!previous) return { sorted: sortedById(objects, [...objects.keys()]), byId: objects };
  if (unchanged(objects, previous)) return previous;
  const kept: DesiredObject[] = [];
  for (const o of previous.sorted) {
    const now = objects.get(desiredId(o));
    if (now) kept.push(now);
  }
  const added = sortedById(objects, [...objects.keys()].filter((id) => !previous.byId.has(id)));
  return { sorted: merge(kept, added), byId: objects };
}

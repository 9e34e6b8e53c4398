// compareCluster (standalone mode) for a cluster that changed a little since its last comparison: the planner
// keeps unchanged planned objects, the snapshot keeps unchanged live ones, so only pairs where either side is a
// different object are compared again; everything else is the previous comparison. Same statuses as a full
// comparison; extras may come in a different order (they are independent deletes).
import type { DesiredObject } from "@/lib/plan/desired";
import { desiredId } from "@/lib/plan/place";
import { compareStrings } from "@/lib/plan/json";
import { compareCluster, compareWith, isOwned, observedIndex, observedKey, type Comparison } from "./compare";
import type { ObservedObject } from "./types";

export type Compared = { desired: readonly DesiredObject[]; observed: readonly ObservedObject[]; comparisons: Comparison[] };

const sets = new WeakMap<readonly ObservedObject[], ReadonlySet<ObservedObject>>();
function setOf(observed: readonly ObservedObject[]): ReadonlySet<ObservedObject> {
  let set = sets.get(observed);
  if (!set) sets.set(observed, (set = new Set(observed)));
  return set;
}

const liveOf = (c: Comparison | undefined) => (c && "observed" in c ? c.observed : undefined);

function isDesired(desired: readonly DesiredObject[], id: string): boolean {
  let lo = 0;
  let hi = desired.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareStrings(desiredId(desired[mid] as DesiredObject), id) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < desired.length && desiredId(desired[lo] as DesiredObject) === id;
}

export function compareIncrementally(previous: Compared | undefined, desired: readonly DesiredObject[], observed: readonly ObservedObject[]): Compared {
  if (!previous) return { desired, observed, comparisons: compareCluster(desired, observed, "standalone") };
  if (previous.desired === desired && previous.observed === observed) return previous;
  const before = setOf(previous.observed);
  const now = setOf(observed);
  const added = observed.filter((o) => !before.has(o));
  const addedById = new Map(added.map((o) => [observedKey(o), o]));
  const dirty = new Set([...addedById.keys(), ...previous.observed.filter((o) => !now.has(o)).map(observedKey)]);
  const prevDesired = previous.desired;
  const extras = new Map(previous.comparisons.slice(prevDesired.length).map((c) => [c.id, c]));
  // The live object for an id: a new one, else the one known before if it is still there.
  const liveFor = (id: string, known: ObservedObject | undefined) => addedById.get(id) ?? (known && now.has(known) ? known : undefined);
  const out: Comparison[] = [];
  const dropped: Comparison[] = [];
  let j = 0;
  for (const d of desired) {
    if (prevDesired[j] === d) {
      const c = previous.comparisons[j++] as Comparison;
      out.push(dirty.size > 0 && dirty.has(c.id) ? compareWith(d, liveFor(c.id, liveOf(c))) : c);
      continue;
    }
    const id = desiredId(d);
    while (j < prevDesired.length && compareStrings(desiredId(prevDesired[j] as DesiredObject), id) < 0) dropped.push(previous.comparisons[j++] as Comparison);
    const same = j < prevDesired.length && desiredId(prevDesired[j] as DesiredObject) === id ? previous.comparisons[j++] : extras.get(id);
    // A newly planned id may name a live object that was neither planned nor ours (foreign): look it up.
    out.push(compareWith(d, same ? liveFor(id, liveOf(same)) : observedIndex(observed).get(id)));
  }
  while (j < prevDesired.length) dropped.push(previous.comparisons[j++] as Comparison);
  // Extras: the old ones still live and still unplanned, plus owned live objects nobody plans any more.
  const candidates = [...[...extras.values()].map(liveOf), ...dropped.map(liveOf), ...added];
  const seen = new Set<ObservedObject>();
  for (const o of candidates) {
    if (!o || seen.has(o) || !now.has(o) || !isOwned(o) || isDesired(desired, observedKey(o))) continue;
    seen.add(o);
    out.push({ status: "extra", id: observedKey(o), observed: o, reason: "present but no longer planned" });
  }
  return { desired, observed, comparisons: out };
}

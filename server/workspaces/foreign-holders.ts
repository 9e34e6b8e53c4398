// Which planned names are held, in the cluster, by an object the console cannot prove it made. The registry
// never applies over such an object (architecture.md, "Ownership is proved"), so a preview must not promise the
// planned object as "added": it is blocked until someone removes or renames the foreign one. Only meaningful
// when this console's registry writes (standalone); in observe mode a Tetrate control plane writes, and its
// objects under those names are the expected ones.
import { objectId, type DesiredObject } from "@/lib/plan/desired";
import type { PlanResult } from "@/lib/plan/plan";
import { intrinsicProblems } from "@/lib/registry/ownership";
import { createRegistryMemos, type RegistryMemos } from "@/lib/registry/registry-memos";
import { clusterParts } from "@/lib/registry/observed-from-snapshot";
import { observedId, type ObservedCluster, type ObservedObject, type ObservedParts } from "@/lib/registry/types";
import { drain, type Steps } from "@/lib/steps";
import { isMesh } from "./plan-index";

export type HeldByForeign = {
  /** Reads what `all(cluster)` needs, in steps, so a caller can do it in slices of the event loop first. */
  warm(cluster: string): Steps<void>;
  /** True when a live object not proved ours holds `planned`'s name in `cluster`. */
  of(cluster: string, planned: DesiredObject): boolean;
  /** Every ServiceEntry and WorkloadEntry of the after plan's `cluster` that is held (usually none). */
  all(cluster: string): readonly DesiredObject[];
};

export const NOTHING_HELD: HeldByForeign = { warm: function* () {}, of: () => false, all: () => [] };

const EMPTY: readonly DesiredObject[] = Object.freeze([]);

/**
 * The ids (`Kind namespace/name`) of an observed list's ServiceEntries and WorkloadEntries that fail the proof's
 * intrinsic part: its marks and naming (usually none). Why that is the whole proof here: a held object is planned
 * in the after plan, and the scope the check uses is what that plan itself places in the cluster
 * (defaultScope), which holds the planned object's own namespace. So a live object under the planned id always
 * passes the placement check, and it is foreign exactly when its intrinsic part fails. Computed once per observed
 * list (it keeps its identity while the cluster's objects do), so a preview's forked plan, whatever its size,
 * costs only lookups of these few ids in it.
 */
const foreignLists = new WeakMap<readonly ObservedObject[] | ObservedParts, ReadonlySet<string>>();
const NONE: ReadonlySet<string> = new Set();

/** Objects checked between two chances to pause (the proof costs up to ~0.2 ms an object cold; the slicer pauses every 5 ms). */
const STEP_OBJECTS = 64;

/**
 * One part's foreign ids, in steps. Parts (a kind, or a chunk of WorkloadEntries) keep their identity while
 * unchanged. The answer is kept per part, so each object's intrinsic check is read from the memo when the
 * registry's comparisons already made it, and otherwise made here without adding it there: the first preview
 * after start walks every object of the fleet (580,000 at 20 × 500), and putting each into the per-object memo
 * grew that WeakMap by as many entries, its rehashes holding the event loop for up to 100 ms at a time.
 */
function* foreignInPart(part: readonly ObservedObject[], memos: RegistryMemos): Steps<ReadonlySet<string>> {
  let ids = foreignLists.get(part);
  if (ids) return ids;
  let found: Set<string> | undefined;
  let seen = 0;
  for (const o of part) {
    if (++seen % STEP_OBJECTS === 0) yield;
    if ((o.kind === "ServiceEntry" || o.kind === "WorkloadEntry") && (memos.observed.get(o)?.intrinsic ?? intrinsicProblems(o)).missing.length > 0) (found ??= new Set()).add(observedId(o));
  }
  foreignLists.set(part, (ids = found ?? NONE));
  return ids;
}

/**
 * Read per part of the cluster's observed objects (clusterParts), never their joined list: a cluster whose view
 * was rebuilt because one WorkloadEntry changed costs the chunk that changed, not its tens of thousands of objects.
 */
function* foreignIdsSteps(seen: ObservedCluster, memos: RegistryMemos): Steps<ReadonlySet<string>> {
  const parts = clusterParts(seen, memos);
  let ids = foreignLists.get(parts);
  if (ids) return ids;
  const found = new Set<string>();
  for (const part of parts) {
    for (const id of yield* foreignInPart(part, memos)) found.add(id);
    yield;
  }
  foreignLists.set(parts, (ids = found.size === 0 ? NONE : found));
  return ids;
}

const foreignIdsOf = (seen: ObservedCluster, memos: RegistryMemos) => drain(foreignIdsSteps(seen, memos));

/**
 * Every cluster's foreign ids (clusters without any left out), in steps: what the planner worker needs to judge
 * holders itself (heldByIds), since it holds the plans but not the live objects. Usually `{}`.
 */
export function* foreignIdsByCluster(observed: readonly ObservedCluster[], memos: RegistryMemos = createRegistryMemos()): Steps<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const cluster of observed) {
    const ids = yield* foreignIdsSteps(cluster, memos);
    if (ids.size > 0) out[cluster.name] = [...ids].sort();
  }
  return out;
}

/**
 * Holders judged from foreign ids per cluster (foreignIdsByCluster) and the after plan: the same answers as
 * heldByForeign on the live objects those ids came from, where the plans are and the live objects are not.
 */
export function heldByIds(foreign: Readonly<Record<string, readonly string[]>>, afterPlan: PlanResult | (() => PlanResult)): HeldByForeign {
  const ids = new Map(Object.entries(foreign).map(([cluster, list]) => [cluster, new Set(list)]));
  const plannedIn = (cluster: string) => (typeof afterPlan === "function" ? afterPlan() : afterPlan).clusters[cluster];
  return {
    *warm() {},
    of: (cluster, planned) => ids.get(cluster)?.has(objectId(planned)) ?? false,
    all(cluster) {
      const here = ids.get(cluster);
      const objects = here && here.size > 0 ? plannedIn(cluster) : undefined;
      return objects && here ? heldAmong(objects, here) : EMPTY;
    },
  };
}

/** A planned array's index by id, kept while the array is (an unchanged cluster's array survives a fork). */
const plannedIndexes = new WeakMap<readonly DesiredObject[], ReadonlyMap<string, DesiredObject>>();

function plannedIndex(objects: readonly DesiredObject[]): ReadonlyMap<string, DesiredObject> {
  let index = plannedIndexes.get(objects);
  if (!index) plannedIndexes.set(objects, (index = new Map(objects.map((o) => [objectId(o), o]))));
  return index;
}

function heldAmong(objects: readonly DesiredObject[], foreign: ReadonlySet<string>): readonly DesiredObject[] {
  if (foreign.size === 0) return EMPTY;
  const index = plannedIndex(objects);
  const held = new Set<DesiredObject>();
  for (const id of foreign) {
    const planned = index.get(id);
    if (planned && isMesh(planned)) held.add(planned);
  }
  return held.size === 0 ? EMPTY : objects.filter((o) => held.has(o));
}

/**
 * `after`: the plan the change leads to (a fork's `after`: an unchanged cluster keeps before's array). `memos`: the owner's (one per
 * fleet model, view-memo.ts), so observed indexes, scopes and proofs are kept across previews.
 */
export function heldByForeign(observed: readonly ObservedCluster[], afterPlan: PlanResult | (() => PlanResult), memos: RegistryMemos = createRegistryMemos()): HeldByForeign {
  const byCluster = new Map(observed.map((c) => [c.name, c]));
  // A fork's `after` is made on first read (server/model/fork-result.ts): only a cluster with a foreign holder reads it.
  const plannedIn = (cluster: string) => (typeof afterPlan === "function" ? afterPlan() : afterPlan).clusters[cluster];
  return {
    *warm(cluster) {
      const seen = byCluster.get(cluster);
      if (seen) yield* foreignIdsSteps(seen, memos);
    },
    of(cluster, planned) {
      // `planned` is of the after plan, so it is held exactly when its id is one of the cluster's foreign ids
      // (see foreignIdsOf): no ownership scope, and no after plan, is needed to tell.
      const seen = byCluster.get(cluster);
      return seen !== undefined && foreignIdsOf(seen, memos).has(objectId(planned));
    },
    all(cluster) {
      const seen = byCluster.get(cluster);
      const foreign = seen ? foreignIdsOf(seen, memos) : NONE;
      if (foreign.size === 0) return EMPTY;
      const objects = plannedIn(cluster);
      return objects ? heldAmong(objects, foreign) : EMPTY;
    },
  };
}

// Which planned names are held, in the cluster, by an object the console cannot prove it made. The registry
// never applies over such an object (architecture.md, "Ownership is proved"), so a preview must not promise the
// planned object as "added": it is blocked until someone removes or renames the foreign one. Only meaningful
// when this console's registry writes (standalone); in observe mode a Tetrate control plane writes, and its
// objects under those names are the expected ones.
import { objectId, type DesiredObject } from "@/lib/plan/desired";
import type { PlanResult } from "@/lib/plan/plan";
import { defaultScope, observedIndex, ownershipOf } from "@/lib/registry/compare";
import { createRegistryMemos, type RegistryMemos } from "@/lib/registry/registry-memos";
import type { ObservedCluster, ObservedObject } from "@/lib/registry/types";
import { isMesh } from "./plan-index";

export type HeldByForeign = {
  /** True when a live object not proved ours holds `planned`'s name in `cluster`. */
  of(cluster: string, planned: DesiredObject): boolean;
  /** Every ServiceEntry and WorkloadEntry of the after plan's `cluster` that is held (usually none). */
  all(cluster: string): readonly DesiredObject[];
};

export const NOTHING_HELD: HeldByForeign = { of: () => false, all: () => [] };

const EMPTY: readonly DesiredObject[] = Object.freeze([]);

/** Held objects of one planned array against one observed list: the array and the list keep their identity while unchanged. */
const heldLists = new WeakMap<readonly DesiredObject[], { observed: readonly ObservedObject[]; held: readonly DesiredObject[] }>();

function heldIn(objects: readonly DesiredObject[], observed: readonly ObservedObject[], memos: RegistryMemos): readonly DesiredObject[] {
  const index = observedIndex(observed, memos);
  const scope = defaultScope(objects, memos);
  return objects.filter((o) => {
    if (!isMesh(o)) return false;
    const live = index.get(objectId(o));
    return live !== undefined && !ownershipOf(live, scope, memos).owned;
  });
}

/**
 * `after`: the plan the change leads to (a fork's `after`: an unchanged cluster keeps before's array, so its
 * held list is computed once per array and observed list, not once per preview). `memos`: the owner's (one per
 * fleet model, view-memo.ts), so observed indexes, scopes and proofs are kept across previews.
 */
export function heldByForeign(observed: readonly ObservedCluster[], after: PlanResult, memos: RegistryMemos = createRegistryMemos()): HeldByForeign {
  const byCluster = new Map(observed.map((c) => [c.name, c]));
  return {
    of(cluster, planned) {
      const seen = byCluster.get(cluster);
      const live = seen ? observedIndex(seen.objects, memos).get(objectId(planned)) : undefined;
      // The ownership scope is what the plan itself places in that cluster, as for the registry's own report.
      return live !== undefined && !ownershipOf(live, defaultScope(after.clusters[cluster] ?? EMPTY, memos), memos).owned;
    },
    all(cluster) {
      const objects = after.clusters[cluster];
      const seen = byCluster.get(cluster);
      if (!objects || !seen || seen.objects.length === 0) return EMPTY;
      const known = heldLists.get(objects);
      if (known?.observed === seen.objects) return known.held;
      const held = heldIn(objects, seen.objects, memos);
      heldLists.set(objects, { observed: seen.objects, held });
      return held;
    },
  };
}

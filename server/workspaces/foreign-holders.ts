// Which planned names are held, in the cluster, by an object the console cannot prove it made. The registry
// never applies over such an object (architecture.md, "Ownership is proved"), so a preview must not promise the
// planned object as "added": it is blocked until someone removes or renames the foreign one. Only meaningful
// when this console's registry writes (standalone); in observe mode a Tetrate control plane writes, and its
// objects under those names are the expected ones.
import { objectId, type DesiredObject } from "@/lib/plan/desired";
import type { PlanResult } from "@/lib/plan/plan";
import { defaultScope, observedIndex, ownershipOf } from "@/lib/registry/compare";
import type { ObservedCluster } from "@/lib/registry/types";

/** `(cluster, planned) → true` when a live object not proved ours holds the planned object's name there. */
export type HeldByForeign = (cluster: string, planned: DesiredObject) => boolean;

export const NOTHING_HELD: HeldByForeign = () => false;

export function heldByForeign(observed: readonly ObservedCluster[], plan: PlanResult): HeldByForeign {
  const byCluster = new Map(observed.map((c) => [c.name, c]));
  return (cluster, planned) => {
    const seen = byCluster.get(cluster);
    const live = seen ? observedIndex(seen.objects).get(objectId(planned)) : undefined;
    // The ownership scope is what the plan itself places in that cluster, as for the registry's own report.
    return live !== undefined && !ownershipOf(live, defaultScope(plan.clusters[cluster] ?? [])).owned;
  };
}

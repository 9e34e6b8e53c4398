// How one plan differs from another, cluster by cluster (lib/plan/plan-delta.ts's shape), computed on this
// thread from two whole plans: what the local planner host answers a fork with. Unchanged clusters (the same
// array) cost nothing; a changed one costs its size.
import type { DesiredObject } from "@/lib/plan/desired";
import { stableStringify } from "@/lib/plan/json";
import { desiredId } from "@/lib/plan/place";
import type { ClusterDelta, PlanDelta } from "@/lib/plan/plan-delta";
import type { PlanResult } from "@/lib/plan/plan";

function clusterDelta(before: readonly DesiredObject[], after: readonly DesiredObject[]): ClusterDelta | undefined {
  const old = new Map(before.map((o) => [desiredId(o), o]));
  const upserts: DesiredObject[] = [];
  for (const o of after) {
    const was = old.get(desiredId(o));
    old.delete(desiredId(o));
    if (was !== o && (!was || stableStringify(was) !== stableStringify(o))) upserts.push(o);
  }
  const removes = [...old.keys()];
  return upserts.length + removes.length === 0 ? undefined : { kind: "patch", upserts, removes };
}

export function planChanges(before: PlanResult, after: PlanResult): PlanDelta {
  const clusters: Record<string, ClusterDelta> = {};
  for (const [name, objects] of Object.entries(after.clusters)) {
    const was = before.clusters[name];
    if (was === objects) continue;
    const delta = was ? clusterDelta(was, objects) : { kind: "replace" as const, objects };
    if (delta) clusters[name] = delta;
  }
  const removedClusters = Object.keys(before.clusters).filter((name) => !(name in after.clusters));
  return { clusters, removedClusters, conditions: after.conditions, heldBack: after.heldBack };
}

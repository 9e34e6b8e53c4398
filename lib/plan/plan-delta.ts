// How one plan differs from another, cluster by cluster: what the planner worker sends the console's thread
// (server/model/planner-host.ts) instead of the whole plan, and what a preview's consequences are computed from
// (the cost of what changed, not of the fleet). Pure; the functions are filled in by the planner-worker work.
import type { Condition } from "./conditions";
import type { DesiredObject } from "./desired";
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

// The plan's result shape and the two steps every planning path shares: the distinct input clusters and the
// stale clusters held back from writes.
import type { Condition } from "./conditions";
import type { DesiredObject } from "./desired";
import type { ClusterInput, PlanInput } from "./input";
import { compareStrings } from "./json";

/**
 * A stale cluster whose writes the controller must defer: it neither applies nor deletes anything there while
 * the cluster is listed here. `objects` counts what is planned for it (applied once it is fresh again).
 */
export type HeldBack = { cluster: string; objects: number; message: string };

export type PlanResult = {
  /** Every input cluster (sorted), with the complete set of objects it should have. */
  clusters: Record<string, DesiredObject[]>;
  conditions: Condition[];
  /** Stale clusters: planned, but the controller defers every write and delete there. */
  heldBack: HeldBack[];
};

export function distinctClusters(input: PlanInput, conditions: Condition[]): ClusterInput[] {
  const seen = new Map<string, ClusterInput>();
  for (const cluster of input.clusters) {
    if (seen.has(cluster.name)) {
      const message = `cluster ${cluster.name} appears twice in the input; the first is used.`;
      conditions.push({ severity: "error", reason: "DuplicateCluster", cluster: cluster.name, message });
    } else seen.set(cluster.name, cluster);
  }
  return [...seen.values()].sort((a, b) => compareStrings(a.name, b.name));
}

export function heldBack(clusters: ClusterInput[], result: Record<string, DesiredObject[]>): { held: HeldBack[]; conditions: Condition[] } {
  return heldBackOf(clusters, (name) => result[name]?.length ?? 0);
}

/** heldBack with each cluster's object count (a fork's delta knows the counts, not the lists). */
export function heldBackOf(clusters: ClusterInput[], objects: (cluster: string) => number): { held: HeldBack[]; conditions: Condition[] } {
  const stale = clusters.filter((c) => c.stale);
  const held = stale.map((c) => ({
    cluster: c.name,
    objects: objects(c.name),
    message: `${c.name} is stale: planned from its last known state; writes and deletes there wait until it is reachable and synced again.`,
  }));
  const conditions = held.map((h): Condition => ({ severity: "warning", reason: "StaleCluster", cluster: h.cluster, message: h.message }));
  return { held, conditions };
}

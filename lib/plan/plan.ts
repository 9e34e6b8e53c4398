// plan(input) → the objects each cluster should have, and conditions explaining what could not be planned.
// Pure and deterministic: equal inputs give byte-identical output (objects sorted by kind/namespace/name,
// conditions sorted), so a no-op resync can be recognised by comparison.
//
// Partitions: a stale cluster is passed with its last known state (`stale: true`). Its state still feeds
// the plan, so nothing generated *from* it disappears; objects *in* it are planned, and the cluster is listed
// in `heldBack`, telling the controller to neither write nor delete there until it is fresh again. The
// controller must also never delete an owned object whose source-clusters annotation names a held cluster.
import { isDnsSubdomain } from "@/lib/names/dns";
import { normalizeConditions, type Condition } from "./conditions";
import { compareObjects, objectId, WORKSPACES_ANNOTATION, type DesiredObject } from "./desired";
import { destinationRules } from "./destination-rules";
import { gatewayConfigs } from "./gateway-config";
import type { ClusterInput, PlanInput } from "./input";
import { compareStrings, stableStringify } from "./json";
import type { Placed } from "./placed";
import { serviceEntries } from "./service-entries";
import { workloadEntries } from "./workload-entries";
import { workspaceModel, type WorkspaceModel } from "./workspace-model";

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

function distinctClusters(input: PlanInput, conditions: Condition[]): ClusterInput[] {
  const seen = new Map<string, ClusterInput>();
  for (const cluster of input.clusters) {
    if (seen.has(cluster.name)) {
      const message = `cluster ${cluster.name} appears twice in the input; the first is used.`;
      conditions.push({ severity: "error", reason: "DuplicateCluster", cluster: cluster.name, message });
    } else seen.set(cluster.name, cluster);
  }
  return [...seen.values()].sort((a, b) => compareStrings(a.name, b.name));
}

/**
 * Adds objects to their cluster's set. Invalid names are reported instead of planned (the write would be
 * rejected). The first writer of an id wins (workspaces are planned in name order); a different second
 * object for the same id — overlapping workspaces — is reported, never silently merged.
 */
function place(target: Map<string, Map<string, DesiredObject>>, placed: Placed[], conditions: Condition[]): void {
  for (const { cluster, object } of placed) {
    const objects = target.get(cluster);
    if (!objects) continue;
    const id = objectId(object);
    const existing = objects.get(id);
    if (!isDnsSubdomain(object.metadata.name)) {
      const message = `${id} would not be a valid Kubernetes name (DNS-1123 subdomain, ≤ 253 characters); shorten the source's name.`;
      conditions.push({ severity: "error", reason: "InvalidObjectName", cluster, subject: id, message });
    } else if (!existing) objects.set(id, object);
    else if (stableStringify(existing) !== stableStringify(object)) {
      const first = existing.metadata.annotations[WORKSPACES_ANNOTATION] ?? "";
      const message = `${id} in ${cluster} is wanted by several workspaces with different content; the one from ${first} is kept. Make the workspaces' namespaces disjoint.`;
      conditions.push({ severity: "warning", reason: "ConflictingObject", cluster, subject: id, message });
    }
  }
}

function heldBack(clusters: ClusterInput[], result: Record<string, DesiredObject[]>): { held: HeldBack[]; conditions: Condition[] } {
  const stale = clusters.filter((c) => c.stale);
  const held = stale.map((c) => ({
    cluster: c.name,
    objects: result[c.name]?.length ?? 0,
    message: `${c.name} is stale: planned from its last known state; writes and deletes there wait until it is reachable and synced again.`,
  }));
  const conditions = held.map((h): Condition => ({ severity: "warning", reason: "StaleCluster", cluster: h.cluster, message: h.message }));
  return { held, conditions };
}

export function plan(input: PlanInput): PlanResult {
  const conditions: Condition[] = [];
  const clusters = distinctClusters(input, conditions);
  const target = new Map(clusters.map((c) => [c.name, new Map<string, DesiredObject>()]));
  const models: WorkspaceModel[] = [];
  for (const ws of [...input.workspaces].sort((a, b) => compareStrings(a.name, b.name))) {
    const { model, conditions: found } = workspaceModel(ws, clusters, input);
    conditions.push(...found);
    if (!model) continue;
    models.push(model);
    for (const built of [serviceEntries(model), workloadEntries(model), destinationRules(model)]) {
      conditions.push(...built.conditions);
      place(target, built.placed, conditions);
    }
  }
  place(target, gatewayConfigs(models), conditions);
  const result = Object.fromEntries([...target.entries()].map(([c, objs]) => [c, [...objs.values()].sort(compareObjects)]));
  const held = heldBack(clusters, result);
  return { clusters: result, conditions: normalizeConditions([...conditions, ...held.conditions]), heldBack: held.held };
}

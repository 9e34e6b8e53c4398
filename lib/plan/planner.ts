// The incremental planner: plan(input) with memory. Output is exactly plan()'s (same objects, same order, same
// conditions); what changes is the work. Per exposed service, the built objects are reused while the service's
// fingerprint (service-key.ts) is unchanged, so hashing — most of the cost — happens only for what changed;
// placement and each cluster's sorted list are patched rather than redone (placement.ts), and an unchanged
// cluster keeps its array.
// Inputs must be treated as immutable (the fingerprint identifies Services by object identity).
import { normalizeConditions, type Condition } from "./conditions";
import type { Hash } from "./desired";
import { destinationRulesFor } from "./destination-rules";
import { gatewayConfigs } from "./gateway-config";
import type { PlanInput } from "./input";
import { compareStrings, stableStringify } from "./json";
import { createNameCheck } from "./place";
import type { BuildResult, Placed } from "./placed";
import { createPlacement, type BatchGroup, type Placement } from "./placement";
import { planDelta, type PlanDelta } from "./plan-delta";
import { distinctClusters, heldBack, heldBackOf, type PlanResult } from "./plan-result";
import { serviceEntriesFor } from "./service-entries";
import { createKeyMemo, serviceKey, type KeyMemo } from "./service-key";
import { workloadEntriesFor, type ShadowMemo } from "./workload-entries";
import { workspaceModel, type ModelService, type WorkspaceModel } from "./workspace-model";

// `shadows`: the service's shadow WorkloadEntries by (local, source) pair, reused when the service is rebuilt;
// `groups`: each part as the batches placed, kept with the entry (so an unchanged service is three groups kept);
// the shadows' are one batch per pair, so a pair kept is a batch kept.
type ServiceParts = { key: string; parts: [BuildResult, BuildResult, BuildResult]; shadows: Map<string, Placed[]>; groups: [BatchGroup, BatchGroup, BatchGroup] };

/**
 * The shadows as one batch per (local, source) pair, in build order: a rebuild that keeps most pairs (a gateway
 * removed) then places only the pairs that changed. The whole list when the pairs do not add up to it.
 */
function shadowBatchesOf(placed: readonly Placed[], shadows: ReadonlyMap<string, Placed[]>): BatchGroup {
  const groups = [...shadows.values()];
  return groups.reduce((n, g) => n + g.length, 0) === placed.length ? groups : [placed];
}

export type Planner = {
  plan(input: PlanInput): PlanResult;
  /** plan(input), and planDelta(the last plan, it): read from the placement's changes when it was patched. */
  planWithDelta(input: PlanInput): { result: PlanResult; delta: PlanDelta };
  /**
   * A planner that starts from this one's memory, in O(1): both share it read-only (each plan replaces the maps
   * and the placement state, never mutates them), so planning on the fork never changes what this one plans next.
   */
  fork(): Planner;
  /**
   * planDelta(the last plan, plan(input)) without the plan's lists (a preview's fork needs only the delta): read
   * from the batches that differ, or, when only placing everything can tell (collisions, invalid names, another
   * set of clusters, no plan yet), by planning. Unlike plan(), the planner's current plan stays the last one.
   */
  planDelta(input: PlanInput): PlanDelta;
};

type Memory = {
  services: Map<string, ServiceParts>;
  gateways: Map<string, Placed>;
  // One stable group of one one-object batch per kept passthrough Gateway, so an unchanged one is not re-placed.
  // Shared by forks: an entry depends only on its key, so whoever adds it adds the same.
  gatewayBatches: WeakMap<Placed, BatchGroup>;
  placement: Placement;
  /** Service keys' identities and indexes (service-key.ts): the planner's own, shared by its forks. */
  keys: KeyMemo;
  /** The content hash (desired.ts); undefined: lib's md5. */
  hash: Hash | undefined;
  /** The last plan (what the placement's state holds). */
  last: PlanResult | undefined;
};

export type PlannerOptions = {
  /** The content hash's function, md5 as lowercase hex: a server passes node:crypto's (lib has no node:*). */
  hash?: Hash;
};

export function createPlanner(options: PlannerOptions = {}): Planner {
  const placement = createPlacement(createNameCheck());
  return plannerFrom({ services: new Map(), gateways: new Map(), gatewayBatches: new WeakMap(), placement, keys: createKeyMemo(), hash: options.hash, last: undefined });
}

function plannerFrom(memory: Memory): Planner {
  let { services, gateways, last } = memory;
  const { gatewayBatches, placement, keys, hash } = memory;

  function partsOf(model: WorkspaceModel, svc: ModelService, next: Map<string, ServiceParts>): ServiceParts {
    const id = JSON.stringify([model.name, svc.fqdn]);
    const key = serviceKey(model, svc, keys);
    const before = services.get(id);
    if (before?.key === key) {
      next.set(id, before);
      return before;
    }
    const shadows: ShadowMemo = { previous: before?.shadows, next: new Map(), identity: keys.identity };
    const parts: ServiceParts["parts"] = [serviceEntriesFor(model, svc, hash), workloadEntriesFor(model, svc, hash, shadows), destinationRulesFor(model, svc, hash)];
    const entry: ServiceParts = { key, parts, shadows: shadows.next, groups: [[parts[0].placed], shadowBatchesOf(parts[1].placed, shadows.next), [parts[2].placed]] };
    next.set(id, entry);
    return entry;
  }

  /** Passthrough Gateways are few but big (every exposed host): keep an unchanged one's object. */
  function gatewayBatchesOf(placed: Placed[]): BatchGroup[] {
    const next = new Map<string, Placed>();
    const groups = placed.map((p) => {
      const key = `${p.cluster}\u0000${stableStringify(p.object)}`;
      const kept = gateways.get(key) ?? p;
      next.set(key, kept);
      let group = gatewayBatches.get(kept);
      if (!group) gatewayBatches.set(kept, (group = [[kept]]));
      return group;
    });
    gateways = next;
    return groups;
  }

  /** The input's objects in batches, in plan()'s order, and its conditions so far (the memo moves forward). */
  function build(input: PlanInput) {
    const conditions: Condition[] = [];
    const clusters = distinctClusters(input, conditions);
    const models: WorkspaceModel[] = [];
    const groups: BatchGroup[] = [];
    const nextServices = new Map<string, ServiceParts>();
    for (const ws of [...input.workspaces].sort((a, b) => compareStrings(a.name, b.name))) {
      const { model, conditions: found } = workspaceModel(ws, clusters, input, keys.portKey);
      conditions.push(...found);
      if (!model) continue;
      models.push(model);
      const built = model.services.map((svc) => partsOf(model, svc, nextServices));
      // The order of plan(): all ServiceEntries of the workspace, then all WorkloadEntries, then DestinationRules.
      for (const part of [0, 1, 2] as const) {
        for (const b of built) conditions.push(...b.parts[part].conditions);
        for (const b of built) groups.push(b.groups[part]);
      }
    }
    services = nextServices;
    groups.push(...gatewayBatchesOf(gatewayConfigs(models, hash)));
    return { clusters, groups, conditions };
  }

  function place({ clusters, groups, conditions }: ReturnType<typeof build>): PlanResult {
    const outputs = placement.apply(clusters.map((c) => c.name), groups, conditions);
    const result = Object.fromEntries(clusters.map((c) => [c.name, outputs.get(c.name)?.sorted ?? []]));
    const held = heldBack(clusters, result);
    return { clusters: result, conditions: normalizeConditions([...conditions, ...held.conditions]), heldBack: held.held };
  }

  function plan(input: PlanInput): PlanResult {
    last = place(build(input));
    return last;
  }

  function planWithDelta(input: PlanInput): { result: PlanResult; delta: PlanDelta } {
    const before = last;
    const result = plan(input);
    const changes = before && placement.lastChanges();
    if (!changes) return { result, delta: planDelta(before, result) };
    const clusters: PlanDelta["clusters"] = {};
    for (const [name, { upserts, removes }] of changes) clusters[name] = { kind: "patch", upserts, removes };
    // A patched placement has the same clusters as the last: none was removed.
    return { result, delta: { clusters, removedClusters: [], conditions: result.conditions, heldBack: result.heldBack } };
  }

  /** See Planner.planDelta: the placement's changes, read without placing, else a plan and planDelta. */
  function deltaOf(input: PlanInput): PlanDelta {
    const built = build(input);
    const { clusters, conditions } = built;
    const changes = last && placement.changes(clusters.map((c) => c.name), built.groups);
    const before = last;
    if (!before || !changes) {
      last = place(built);
      return planDelta(before, last);
    }
    const held = heldBackOf(clusters, (name) => changes.get(name)?.size ?? before.clusters[name]?.length ?? 0);
    const delta: PlanDelta["clusters"] = {};
    for (const [name, { upserts, removes }] of changes) delta[name] = { kind: "patch", upserts, removes };
    return { clusters: delta, removedClusters: [], conditions: normalizeConditions([...conditions, ...held.conditions]), heldBack: held.held };
  }

  const fork = (): Planner => plannerFrom({ services, gateways, gatewayBatches, placement: placement.fork(), keys, hash, last });
  return { plan, planWithDelta, fork, planDelta: deltaOf };
}

// One snapshot, digested once: planner input (adapter), plan, what is observed, the write diff, and every
// condition explaining what could not be planned or will not be written. Bad input never throws out of here:
// it becomes a condition and an empty action list (never "delete everything").
//
// Consecutive snapshots share most of their objects (the fleet cache keeps unchanged ones), so each state hands
// its memos to the next: the adapter's (unchanged clusters keep their planner input), the incremental planner's
// (only changed services are rebuilt and hashed) and the per-cluster observed views and diffs (fleet-memo.ts).
import type { Condition } from "@/lib/plan/conditions";
import { stableStringify } from "@/lib/plan/json";
import type { PlanResult } from "@/lib/plan/plan";
import { createPlanner, type Planner } from "@/lib/plan/planner";
import { identityOf } from "@/lib/plan/service-key";
import { createAdapterMemo, type AdapterMemo } from "@/lib/registry/adapter-memo";
import { defaultScope } from "@/lib/registry/compare";
import { staleClusters, type ClusterHolds, type DiffResult } from "@/lib/registry/diff";
import { ownershipScopes, type ScopeSet } from "@/lib/registry/ownership-scope";
import { toPlanInput, type AdaptedInput } from "@/lib/registry/plan-input-adapter";
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { ObservedCluster, RegistryAction, RegistryCondition } from "@/lib/registry/types";
import { validatePlanInput } from "@/lib/registry/validate-input";
import { diffWithMemo, holdsKey, observedWithMemo, type FleetMemo } from "./fleet-memo";

export type AnyCondition = Condition | RegistryCondition;

type Digest = { planner: Planner; adapter: AdapterMemo };

export type FleetState = {
  snapshot: FleetSnapshot;
  /** Identifies the planner input: equal keys give equal plans, so the plan can be reused. */
  inputKey: string;
  plan: PlanResult;
  observed: ObservedCluster[];
  /** Per-cluster conversions and diffs, reused by the next snapshot's state. */
  memo?: FleetMemo;
  /** The adapter's and the planner's memory, handed to the next snapshot's state. */
  digest?: Digest;
  /** Where the planner puts objects per cluster: the place part of the ownership proof (ownership-scope.ts). */
  scopes?: ScopeSet;
  /** Actions per target cluster. */
  actions: ReadonlyMap<string, RegistryAction[]>;
  conditions: AnyCondition[];
};

export type StateOptions = { managementCluster?: string; resolvedHostnames?: Record<string, string[]>; allowLoopbackGatewayAddresses?: boolean };

const EMPTY_PLAN: PlanResult = { clusters: {}, conditions: [], heldBack: [] };

function group(result: DiffResult): Map<string, RegistryAction[]> {
  const byCluster = new Map<string, RegistryAction[]>();
  for (const a of result.actions) {
    const list = byCluster.get(a.cluster);
    if (list) list.push(a);
    else byCluster.set(a.cluster, [a]);
  }
  return byCluster;
}

function failed(snapshot: FleetSnapshot, observed: ObservedCluster[], conditions: AnyCondition[], message: string, digest: Digest): FleetState {
  const condition: RegistryCondition = { severity: "error", reason: "PlanInputInvalid", message: `${message}; nothing is written until it is fixed.` };
  return { snapshot, inputKey: "", plan: EMPTY_PLAN, observed, digest, actions: new Map(), conditions: [...conditions, condition] };
}

/**
 * The adapter keeps a cluster's input object while nothing the planner reads changed (the registry's own
 * DestinationRules do not count), so identities plus the small remaining fields identify the input.
 */
function planInputKey(adapted: AdaptedInput): string {
  const { clusters, workspaces, resolvedHostnames, allowLoopbackGatewayAddresses } = adapted.input;
  return `${clusters.map(identityOf).join(",")}|${stableStringify({ workspaces, resolvedHostnames: resolvedHostnames ?? null, loopback: allowLoopbackGatewayAddresses ?? false })}`;
}

/**
 * `previous`: the state of an earlier snapshot. When the planner input did not change — the usual case while the
 * registry's own writes stream back through the cache — its plan is reused, and only clusters whose objects
 * changed are converted and diffed again.
 */
export function computeFleetState(snapshot: FleetSnapshot, options: StateOptions = {}, previous?: FleetState): FleetState {
  const digest = previous?.digest ?? { planner: createPlanner(), adapter: createAdapterMemo() };
  const memo: FleetMemo = new Map();
  const observed = observedWithMemo(snapshot.clusters, previous?.memo, memo);
  const adapted = toPlanInput(snapshot, options, digest.adapter);
  const inputKey = planInputKey(adapted);
  try {
    let planned = previous?.inputKey === inputKey ? previous.plan : undefined;
    if (!planned) {
      const valid = validatePlanInput(adapted.input);
      if (!valid.ok) return failed(snapshot, observed, adapted.conditions, `the fleet could not be turned into planner input (${valid.problems.slice(0, 3).join("; ")})`, digest);
      planned = digest.planner.plan(adapted.input);
    }
    const holds: ClusterHolds = { stale: staleClusters({ plan: planned, observed }), configStale: adapted.configStale };
    const key = holdsKey(holds);
    // Same input, same scopes (kept as the same objects, so remembered comparisons stay valid).
    const scopes = previous?.inputKey === inputKey && previous.scopes ? previous.scopes : ownershipScopes(adapted.input, planned, previous?.scopes);
    const results = Object.entries(planned.clusters).map(([cluster, desired]) => diffWithMemo(cluster, desired, holds, key, memo, scopes.scopes.get(cluster) ?? defaultScope(desired)));
    const result: DiffResult = { actions: results.flatMap((r) => r.actions), conditions: results.flatMap((r) => r.conditions) };
    return { snapshot, inputKey, plan: planned, observed, memo, digest, scopes, actions: group(result), conditions: [...adapted.conditions, ...planned.conditions, ...result.conditions] };
  } catch (err) {
    return failed(snapshot, observed, adapted.conditions, `planning failed (${err instanceof Error ? err.message : String(err)})`, digest);
  }
}

// One snapshot, digested once: planner input (adapter), plan, what is observed, the write diff, and every
// condition explaining what could not be planned or will not be written. Bad input never throws out of here:
// it becomes a condition and an empty action list (never "delete everything").
import type { Condition } from "@/lib/plan/conditions";
import { parsePlanInput, type PlanInput } from "@/lib/plan/input";
import { plan, type PlanResult } from "@/lib/plan/plan";
import { staleClusters, type ClusterHolds, type DiffResult } from "@/lib/registry/diff";
import { toPlanInput } from "@/lib/registry/plan-input-adapter";
import type { FleetSnapshotLike } from "@/lib/registry/snapshot-like";
import type { ObservedCluster, RegistryAction, RegistryCondition } from "@/lib/registry/types";
import { diffWithMemo, holdsKey, observedWithMemo, type FleetMemo } from "./fleet-memo";

export type AnyCondition = Condition | RegistryCondition;

export type FleetState = {
  snapshot: FleetSnapshotLike;
  /** The planner input, serialised: equal keys give equal plans, so the plan can be reused. */
  inputKey: string;
  plan: PlanResult;
  observed: ObservedCluster[];
  /** Per-cluster conversions and diffs, reused by the next snapshot's state. */
  memo?: FleetMemo;
  /** Actions per target cluster. */
  actions: ReadonlyMap<string, RegistryAction[]>;
  conditions: AnyCondition[];
};

export type StateOptions = { managementCluster?: string; resolvedHostnames?: Record<string, string[]> };

const EMPTY_PLAN: PlanResult = { clusters: {}, conditions: [], heldBack: [] };

function group(result: DiffResult): Map<string, RegistryAction[]> {
  const byCluster = new Map<string, RegistryAction[]>();
  for (const a of result.actions) byCluster.set(a.cluster, [...(byCluster.get(a.cluster) ?? []), a]);
  return byCluster;
}

function failed(snapshot: FleetSnapshotLike, observed: ObservedCluster[], conditions: AnyCondition[], message: string): FleetState {
  const condition: RegistryCondition = { severity: "error", reason: "PlanInputInvalid", message: `${message}; nothing is written until it is fixed.` };
  return { snapshot, inputKey: "", plan: EMPTY_PLAN, observed, actions: new Map(), conditions: [...conditions, condition] };
}

/** The planner ignores DestinationRules it made itself, so our own writes must not invalidate a plan. */
function planInputKey(input: PlanInput): string {
  const clusters = input.clusters.map((c) => ({ ...c, destinationRules: c.destinationRules.filter((dr) => !dr.managedByUs) }));
  return JSON.stringify({ ...input, clusters });
}

/**
 * `previous`: the state of an earlier snapshot. When the planner input did not change — the usual case while the
 * registry's own writes stream back through the cache — its plan is reused, and only clusters whose objects
 * changed are converted and diffed again (planning is by far the most expensive step, O(objects planned)).
 */
export function computeFleetState(snapshot: FleetSnapshotLike, options: StateOptions = {}, previous?: FleetState): FleetState {
  const memo: FleetMemo = new Map();
  const observed = observedWithMemo(snapshot.clusters, previous?.memo, memo);
  const adapted = toPlanInput(snapshot, options);
  const inputKey = planInputKey(adapted.input);
  try {
    let planned = previous?.inputKey === inputKey ? previous.plan : undefined;
    if (!planned) {
      const parsed = parsePlanInput(adapted.input);
      if (!parsed.ok) return failed(snapshot, observed, adapted.conditions, `the fleet could not be turned into planner input (${parsed.problems.slice(0, 3).join("; ")})`);
      planned = plan(parsed.input);
    }
    const holds: ClusterHolds = { stale: staleClusters({ plan: planned, observed }), configStale: adapted.configStale };
    const key = holdsKey(holds);
    const results = Object.entries(planned.clusters).map(([cluster, desired]) => diffWithMemo(cluster, desired, holds, key, memo));
    const result: DiffResult = { actions: results.flatMap((r) => r.actions), conditions: results.flatMap((r) => r.conditions) };
    return { snapshot, inputKey, plan: planned, observed, memo, actions: group(result), conditions: [...adapted.conditions, ...planned.conditions, ...result.conditions] };
  } catch (err) {
    return failed(snapshot, observed, adapted.conditions, `planning failed (${err instanceof Error ? err.message : String(err)})`);
  }
}

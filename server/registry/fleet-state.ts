// One snapshot, digested: planner input (adapter), what is observed, the write diff against a plan, and every
// condition explaining what could not be planned or will not be written. Bad input never throws out of here:
// it becomes a condition and an empty action list (never "delete everything").
//
// Two steps, usable apart: `adaptSnapshot` (snapshot → planner input and its key) and `diffFleetState` (a plan,
// made wherever — the fleet model's worker — against what is observed). Consecutive snapshots share most of their
// objects (the fleet cache keeps unchanged ones), so each state hands its per-cluster observed views and diffs to
// the next (fleet-memo.ts). `computeFleetState` chains both with an in-process planner, for tests and scripts; the
// running console plans in the fleet model's worker (server/model/fleet-model.ts), never on the event loop.
import type { Condition } from "@/lib/plan/conditions";
import type { PlanInput } from "@/lib/plan/input";
import { stableStringify } from "@/lib/plan/json";
import type { PlanResult } from "@/lib/plan/plan";
import { createPlanner, type Planner } from "@/lib/plan/planner";
import { createIdentity } from "@/lib/plan/service-key";
import { createAdapterMemo, type AdapterMemo } from "@/lib/registry/adapter-memo";
import { defaultScope } from "@/lib/registry/compare";
import { staleClusters, type ClusterHolds } from "@/lib/registry/diff";
import { ownershipScopes, type ScopeSet } from "@/lib/registry/ownership-scope";
import { createRegistryMemos, type RegistryMemos } from "@/lib/registry/registry-memos";
import { toPlanInput, type AdaptedInput, type AdapterOptions } from "@/lib/registry/plan-input-adapter";
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { ObservedCluster, RegistryAction, RegistryCondition } from "@/lib/registry/types";
import { validatePlanInput } from "@/lib/registry/validate-input";
import { diffWithMemo, holdsKey, observedOne, type FleetMemo } from "./fleet-memo";

export type AnyCondition = Condition | RegistryCondition;

type Digest = { planner: Planner; adapter: AdapterMemo; identity: (o: object) => number };

export type FleetState = {
  snapshot: FleetSnapshot;
  /** Identifies the planner input `plan` was made from: equal keys give equal plans. "" when nothing was planned. */
  inputKey: string;
  plan: PlanResult;
  observed: ObservedCluster[];
  /** Per-cluster conversions and diffs, reused by the next snapshot's state. */
  memo?: FleetMemo;
  /** The owner's identity memos (registry-memos.ts) the state was made with: readers of it (status.ts) use them too. */
  memos?: RegistryMemos;
  /** computeFleetState only: the adapter's and the planner's memory, handed to the next snapshot's state. */
  digest?: Digest;
  /** Where the planner puts objects per cluster: the place part of the ownership proof (ownership-scope.ts). */
  scopes?: ScopeSet;
  /** Actions per target cluster. */
  actions: ReadonlyMap<string, RegistryAction[]>;
  conditions: AnyCondition[];
};

export type StateOptions = AdapterOptions;

/** What a state is diffed against: a plan and the input it was made from, or why there is none. */
export type PlannedInput = { ok: true; inputKey: string; input: PlanInput; plan: PlanResult } | { ok: false; message: string };

export const EMPTY_PLAN: PlanResult = Object.freeze({ clusters: Object.freeze({}), conditions: [], heldBack: [] }) as PlanResult;

function failed(snapshot: FleetSnapshot, observed: ObservedCluster[], memo: FleetMemo, conditions: AnyCondition[], message: string): FleetState {
  const condition: RegistryCondition = { severity: "error", reason: "PlanInputInvalid", message: `${message}; nothing is written until it is fixed.` };
  return { snapshot, inputKey: "", plan: EMPTY_PLAN, observed, memo, actions: new Map(), conditions: [...conditions, condition] };
}

/**
 * The adapter keeps a cluster's input object while nothing the planner reads changed (the registry's own
 * DestinationRules do not count), so identities plus the small remaining fields identify the input.
 */
/** `identity`: the owner's numbering of objects (createIdentity, one per model), so keys are never shared between owners. */
export function planInputKey(input: PlanInput, identity: (o: object) => number): string {
  const { clusters, workspaces, resolvedHostnames, allowLoopbackGatewayAddresses } = input;
  return `${clusters.map(identity).join(",")}|${stableStringify({ workspaces, resolvedHostnames: resolvedHostnames ?? null, loopback: allowLoopbackGatewayAddresses ?? false })}`;
}

/** The adapt step: the snapshot's planner input (through `memo`, one per owner) and its key. */
export function adaptSnapshot(snapshot: FleetSnapshot, options: StateOptions, memo: AdapterMemo, identity: (o: object) => number): { adapted: AdaptedInput; inputKey: string } {
  const adapted = toPlanInput(snapshot, options, memo);
  return { adapted, inputKey: planInputKey(adapted.input, identity) };
}

/** Why `input` cannot be planned (the schema's first problems), or undefined when it can. */
export function inputProblem(input: PlanInput, memos?: RegistryMemos): string | undefined {
  const valid = validatePlanInput(input, memos);
  return valid.ok ? undefined : `the fleet could not be turned into planner input (${valid.problems.slice(0, 3).join("; ")})`;
}

/**
 * The diff step: `planned` (possibly an earlier input's plan, while a newer one is being made) against what
 * `snapshot` shows. Holds (stale clusters, stale configuration) and adapter conditions come from `adapted`, the
 * snapshot's own input, so a cluster gone stale holds its writes at once. `previous`: the state of an earlier
 * snapshot; only clusters whose objects or desired lists changed are converted and diffed again.
 */
export function diffFleetState(snapshot: FleetSnapshot, adapted: AdaptedInput, planned: PlannedInput, previous?: FleetState, memos: RegistryMemos | undefined = previous?.memos): FleetState {
  const steps = diffSteps(snapshot, adapted, planned, previous, memos);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * diffFleetState one cluster at a time: it yields after each cluster's observed view and each cluster's diff, so
 * a caller can give the event loop a turn when a step took long (a cold start compares every planned object).
 */
export function* diffSteps(snapshot: FleetSnapshot, adapted: AdaptedInput, planned: PlannedInput, previous?: FleetState, memos: RegistryMemos | undefined = previous?.memos): Generator<void, FleetState> {
  const memo: FleetMemo = new Map();
  const observed: ObservedCluster[] = [];
  for (const c of snapshot.clusters) {
    observed.push(observedOne(c, previous?.memo, memo, memos));
    yield;
  }
  if (!planned.ok) return { ...failed(snapshot, observed, memo, adapted.conditions, planned.message), ...(memos ? { memos } : {}) };
  const { plan, inputKey } = planned;
  const holds: ClusterHolds = { stale: staleClusters({ plan, observed }), configStale: adapted.configStale };
  const key = holdsKey(holds);
  // Same plan, same scopes (kept as the same objects, so remembered comparisons stay valid).
  const samePlan = previous?.inputKey === inputKey && previous.plan === plan;
  const scopes = samePlan && previous.scopes ? previous.scopes : ownershipScopes(planned.input, plan, previous?.scopes);
  // Each cluster's diff holds only that cluster's actions, and is the memo's own (unchanged while the cluster is):
  // the map takes those lists as they are. Flattening and regrouping them cost O(every action in the fleet) per
  // state — 580,000 while a 20 × 500 fleet converges, on every echo of a write.
  const actions = new Map<string, RegistryAction[]>();
  const conditions: AnyCondition[] = [];
  for (const [cluster, desired] of Object.entries(plan.clusters)) {
    const result = diffWithMemo(cluster, desired, holds, key, memo, scopes.scopes.get(cluster) ?? defaultScope(desired, memos), memos);
    if (result.actions.length > 0) actions.set(cluster, result.actions);
    conditions.push(...result.conditions);
    yield;
  }
  return { snapshot, inputKey, plan, observed, memo, ...(memos ? { memos } : {}), scopes, actions, conditions: [...adapted.conditions, ...plan.conditions, ...conditions] };
}

/**
 * Both steps with a planner in this thread (tests, scripts): `previous`'s planner and adapter memory are reused,
 * and its plan too while the planner input is unchanged — the usual case while the registry's own writes stream
 * back through the cache.
 */
export function computeFleetState(snapshot: FleetSnapshot, options: StateOptions = {}, previous?: FleetState): FleetState {
  const digest = previous?.digest ?? { planner: createPlanner(), adapter: createAdapterMemo(createRegistryMemos()), identity: createIdentity() };
  const { memos } = digest.adapter;
  const { adapted, inputKey } = adaptSnapshot(snapshot, options, digest.adapter, digest.identity);
  let planned: PlannedInput;
  if (previous?.inputKey === inputKey) planned = { ok: true, inputKey, input: adapted.input, plan: previous.plan };
  else {
    const problem = inputProblem(adapted.input, memos);
    try {
      planned = problem ? { ok: false, message: problem } : { ok: true, inputKey, input: adapted.input, plan: digest.planner.plan(adapted.input) };
    } catch (err) {
      planned = { ok: false, message: `planning failed (${err instanceof Error ? err.message : String(err)})` };
    }
  }
  return { ...diffFleetState(snapshot, adapted, planned, previous, memos), digest };
}

// The fleet model: the one per-process owner of the fleet as the registry's planner sees it (contract in
// types.ts). On each snapshot of the fleet cache: adapt it (one adapter memo per model), send the planner input
// to the planner host when it changed (its worker plans; at most one plan in flight, later inputs coalesce to
// the latest), and diff what is observed against the latest plan, incrementally — also while a newer plan is
// being made, so a write coming back through the cache is digested at once — in slices of the event loop when
// it is big (sliced.ts). Each result is one ModelState.
//
// Nothing is planned before every gateway hostname of the snapshot was looked up once (the resolver's `ready`):
// "no answer yet" must not read as "no address", or every start would withdraw those gateways' endpoints.
import { deepFreeze } from "@/lib/fleet/deep-freeze";
import { withChanged } from "./fork-result";
import { createIdentity } from "@/lib/plan/service-key";
import { createRegistryMemos } from "@/lib/registry/registry-memos";
import type { PreviewQuery } from "@/server/workspaces/preview-query";
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { PlanInput } from "@/lib/plan/input";
import type { HostnameFeed } from "@/server/registry/hostname-resolver";
import { diffSteps, EMPTY_PLAN, type FleetState, type PlannedInput } from "@/server/registry/fleet-state";
import { createModelInputs, type ModelInput } from "./model-inputs";
import { createPlanPump, type PlanJob, type PlanOutcome } from "./plan-pump";
import type { FleetModel, ForkResult, ModelState, PlannerHost } from "./types";
import { createModelWaiters } from "./model-waiters";
import { createPreviewGate } from "./preview-gate";
import { runSliced } from "./sliced";

/** Where snapshots come from (the fleet cache, or a list-based source in tests). */
export type ModelSource = {
  current(): FleetSnapshot | undefined;
  /** Calls back on every new snapshot; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Where the Workspaces live, when the source knows (the fleet cache does). */
  managementCluster?: () => string | undefined;
};

export type FleetModelDeps = {
  source: ModelSource;
  /** The planner (server/model/planner-host.ts); owned by the caller, which stops it after the model. */
  host: PlannerHost;
  /** DNS answers for gateway hostnames (server/registry/hostname-resolver.ts); without it, DNS-named gateways stay flagged. */
  hostnames?: HostnameFeed;
  /** The configured management cluster; else the source's. */
  managementCluster?: string;
  allowLoopbackGatewayAddresses?: boolean;
  /** Deep-freeze snapshots as they arrive and every state handed out (development and tests). */
  freeze?: boolean;
  /** Object identities for the planner input key; default: a numbering of this model's own (createIdentity). */
  identity?: (o: object) => number;
  log?: (line: string) => void;
};

type Done = PlanJob & { outcome: PlanOutcome; seq: number };

/** How long the diff may hold the event loop before it continues in the next macrotask. */
const SLICE_MS = 20;
/** A digest this long is followed by a rest as long. */
const REST_AFTER_MS = 10;

export function createFleetModel(deps: FleetModelDeps): FleetModel {
  const freeze = deps.freeze ? deepFreeze : <T>(value: T): T => value;
  // Every identity-keyed memo the adapter, the observed views and the comparisons keep: this model's own.
  // With the host's record of how each plan list was patched, a new Service's digest splices its comparisons.
  const memos = createRegistryMemos(deps.host.listPatch && ((list) => deps.host.listPatch?.(list)));
  const inputs = createModelInputs(memos, freeze, deps.identity ?? createIdentity());
  let seen: { snapshot: FleetSnapshot; seq: number } | undefined;
  let done: Done | undefined;
  let state: ModelState | undefined;
  let stopped = false;
  let digesting = false;
  let redo = false;

  const waiters = createModelWaiters(deps.log);
  // Previews queue here, so the registry's plans never wait behind more than one (preview-gate.ts).
  const previews = createPreviewGate();
  const pump = createPlanPump(deps.host, (job, outcome) => {
    if (outcome.ok) freeze(outcome.plan);
    if (!outcome.ok) deps.log?.(`fleet model: ${outcome.message}`);
    else if (outcome.ms > 500) deps.log?.(`fleet model: planned the fleet in ${outcome.ms.toFixed(0)} ms`);
    done = { ...job, outcome, seq: seen?.seq ?? 0 };
    safeUpdate();
  });

  const settings = () => ({
    allowLoopbackGatewayAddresses: deps.allowLoopbackGatewayAddresses === true,
    ...optional("managementCluster", deps.managementCluster ?? deps.source.managementCluster?.()),
    ...optional("resolvedHostnames", deps.hostnames?.resolved()),
  });

  // After a digest that took long (snapshots that share few objects with the last, e.g. relisted ones), the next
  // waits as long as it took: digesting then uses at most about half of the event loop, never all of it.
  let restUntil = 0;
  let restTimer: ReturnType<typeof setTimeout> | undefined;
  const rest = (tookMs: number) => {
    if (tookMs >= REST_AFTER_MS) restUntil = performance.now() + tookMs;
  };
  function resting(): boolean {
    const wait = restUntil - performance.now();
    if (wait <= 0) return false;
    restTimer ??= setTimeout(() => {
      restTimer = undefined;
      safeUpdate();
    }, wait);
    return true;
  }

  /** What the current input is diffed against, asking the host for a plan when the input changed. */
  function plannedFor(input: ModelInput): { planned: PlannedInput; input: PlanInput; current: boolean } | undefined {
    if (input.problem) {
      pump.drop();
      return { planned: { ok: false, message: input.problem }, input: input.adapted.input, current: true };
    }
    const retry = done && !done.outcome.ok && (seen?.seq ?? 0) > done.seq;
    if (done?.inputKey !== input.inputKey || retry) pump.want({ inputKey: input.inputKey, input: input.adapted.input });
    else pump.drop();
    if (!done) return undefined;
    const current = done.inputKey === input.inputKey && !pump.busy();
    const planned: PlannedInput = done.outcome.ok ? { ok: true, inputKey: done.inputKey, input: done.input, plan: done.outcome.plan } : done.outcome;
    return { planned, input: done.input, current };
  }

  function update(): void {
    if (stopped) return;
    const snapshot = deps.source.current();
    if (!snapshot) return;
    if (seen?.snapshot !== snapshot) seen = { snapshot: freeze(snapshot), seq: (seen?.seq ?? 0) + 1 };
    if (deps.hostnames && !deps.hostnames.ready(snapshot)) return;
    const input = inputs.of(snapshot, settings());
    const next = plannedFor(input);
    if (!next) return;
    // One digest at a time (each builds on the last state's memos); the latest snapshot is digested after it.
    if (digesting) return void (redo = true);
    const plan = next.planned.ok ? next.planned.plan : EMPTY_PLAN;
    if (state && state.snapshot === snapshot && state.adapted === input.adapted && state.plan === plan && state.planned === next.input && state.current === next.current) return;
    if (resting()) return;
    digesting = true;
    const seq = seen.seq;
    const started = performance.now();
    const finish = (registry: FleetState) => {
      digesting = false;
      rest(performance.now() - started);
      for (const part of [registry.actions, registry.conditions, registry.observed]) freeze(part);
      state = Object.freeze({ snapshot, adapted: input.adapted, plan, planned: next.input, current: next.current, registry: Object.freeze(registry) });
      waiters.publish(state, seq);
      if (redo) {
        redo = false;
        safeUpdate();
      }
    };
    const failed = (err: unknown) => {
      digesting = false;
      deps.log?.(`fleet model: diffing the snapshot failed: ${err instanceof Error ? err.message : String(err)}`);
    };
    runSliced(diffSteps(snapshot, input.adapted, next.planned, state?.registry, memos), SLICE_MS, finish, failed, () => stopped);
  }

  /** Updates never throw into the fleet cache's or the resolver's callbacks. */
  function safeUpdate(): void {
    try {
      update();
    } catch (err) {
      deps.log?.(`fleet model: digesting the snapshot failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  const offSource = deps.source.subscribe(safeUpdate);
  const offHostnames = deps.hostnames?.subscribe(safeUpdate);
  safeUpdate();

  function settled(): Promise<ModelState> {
    if (stopped) return Promise.reject(new Error("the fleet model is stopped"));
    safeUpdate();
    return waiters.wait(seen?.seq ?? 0);
  }

  /** Forks from the last input sent to the host: the host serves calls in order, so that is the plan it compares with. */
  async function fork(change: (input: PlanInput) => PlanInput): Promise<ForkResult> {
    if (!pump.lastSent()) await settled();
    const base = pump.lastSent();
    if (!base) throw new Error(`the fleet cannot be planned: ${state?.registry.conditions.find((c) => c.reason === "PlanInputInvalid")?.message ?? "no input yet"}`);
    const changed = freeze(change(base.input));
    const result = await deps.host.fork(changed);
    return freeze(withChanged(result, changed));
  }

  /** As fork, but the worker answers `query` from the fork: nothing but the answer crosses to this thread. */
  function preview(change: (input: PlanInput) => PlanInput, query: PreviewQuery) {
    // The base is read when the preview leaves the gate: the input of the latest plan sent by then.
    return previews.run(async () => {
      if (!pump.lastSent()) await settled();
      const base = pump.lastSent();
      if (!base) throw new Error(`the fleet cannot be planned: ${state?.registry.conditions.find((c) => c.reason === "PlanInputInvalid")?.message ?? "no input yet"}`);
      const answer = await deps.host.preview(freeze(change(base.input)), query);
      return { input: base.input, answer };
    });
  }

  return {
    current: () => state,
    subscribe: (listener) => waiters.subscribe(listener),
    settled,
    fork,
    preview,
    async stop() {
      stopped = true;
      clearTimeout(restTimer);
      offSource();
      offHostnames?.();
      pump.stop();
      previews.stop(new Error("the fleet model is stopped"));
      waiters.stop(new Error("the fleet model is stopped"));
    },
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

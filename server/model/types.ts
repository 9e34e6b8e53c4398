// The fleet model's contract: the one per-process owner of the fleet as the registry's planner sees it. The
// registry, the workspace pages, readiness and every future view read it; nobody adapts or plans a snapshot
// of their own. Built by server/model/fleet-model.ts, started once by server/runtime.ts.
import type { PreviewAnswer, PreviewQuery } from "@/server/workspaces/preview-query";
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { PlanInput } from "@/lib/plan/input";
import type { PlanResult } from "@/lib/plan/plan";
import type { DesiredObject } from "@/lib/plan/desired";
import type { ListPatch, PlanDelta } from "@/lib/plan/plan-delta";
import type { AdaptedInput } from "@/lib/registry/plan-input-adapter";
import type { FleetState } from "@/server/registry/fleet-state";

export type ModelState = {
  /** The snapshot this state digests. */
  snapshot: FleetSnapshot;
  /**
   * The planner input of `snapshot` (the one adapter), with the registry resolver's DNS answers for gateway
   * hostnames and the process's gateway-address setting. The same object while nothing the planner reads changed.
   */
  adapted: AdaptedInput;
  /** The plan of `planned` (equal to `adapted.input` once the worker has caught up; see `current`). */
  plan: PlanResult;
  /** The input `plan` was made from. */
  planned: PlanInput;
  /** False while the worker is still planning a newer input: `plan` is then the previous input's. */
  current: boolean;
  /** Observed objects, the write diff per cluster and every condition (server/registry/fleet-state.ts). */
  registry: FleetState;
};

/** A preview: the warm plan forked with a change, compared with the current plan. */
export type ForkResult = {
  /** The current plan and its input. */
  before: PlanResult;
  input: PlanInput;
  /** The changed input, its plan (the current one patched with `delta`), and what differs. */
  changed: PlanInput;
  after: PlanResult;
  delta: PlanDelta;
};

export type FleetModel = {
  /** The latest digested state; undefined until the first snapshot is planned. */
  current(): ModelState | undefined;
  /** Called with each new state (never re-entrantly); returns the unsubscribe function. */
  subscribe(listener: (state: ModelState) => void): () => void;
  /** Resolves with a state that digests the snapshot current at the call, planned (tests, "reconcile now"). */
  settled(): Promise<ModelState>;
  /** Plans `change(current input)` on a fork of the warm planner, off the event loop. */
  fork(change: (input: PlanInput) => PlanInput): Promise<ForkResult>;
  /**
   * Plans `change(current input)` on a fork and answers `query` from it in the planner worker (previews: the
   * comparison of a change costs the worker, not the event loop). `input`: the current input it was applied to.
   */
  preview(change: (input: PlanInput) => PlanInput, query: PreviewQuery): Promise<{ input: PlanInput; answer: PreviewAnswer }>;
  stop(): Promise<void>;
};

/**
 * The warm incremental planner, off the event loop (server/model/planner-host.ts): a dedicated worker thread
 * holds the planner and a mirror of the input; only what changed crosses the thread, both ways.
 */
export type PlannerHost = {
  /** The plan of `input`, exactly plan(input)'s; calls are served in order. */
  plan(input: PlanInput): Promise<PlanResult>;
  /** `changed` planned on a fork of the planner, compared with the plan of the last `plan()` call served. */
  fork(changed: PlanInput): Promise<Omit<ForkResult, "changed">>;
  /** `changed` planned on a fork, and `query` answered from it where the plans are (the worker): only the answer crosses. */
  preview(changed: PlanInput, query: PreviewQuery): Promise<PreviewAnswer>;
  /** How a list of a plan it returned was patched from the previous plan's (ListPatch), when it was. */
  listPatch?(list: readonly DesiredObject[]): ListPatch | undefined;
  stop(): Promise<void>;
};

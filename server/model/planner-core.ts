// The planner worker's state, pure of threads (so tests and the in-process host run it on the calling thread):
// the mirrored input, the warm planner and its current plan. A plan request moves all three forward and answers
// with the plan's delta against the previous one; a fork request plans the changed input on a fork of the
// planner and answers with its delta against the current plan, leaving the state as it was.
import { applyInputDelta } from "@/lib/plan/input-delta";
import { applyPlanDelta, type PlanDelta } from "@/lib/plan/plan-delta";
import { drain, type Steps } from "@/lib/steps";
import { clusterIndexSteps } from "@/server/workspaces/plan-index";
import { previewAnswerSteps, type PreviewAnswer, type PreviewQuery } from "@/server/workspaces/preview-query";
import type { PlanInput } from "@/lib/plan/input";
import type { PlanResult } from "@/lib/plan/plan-result";
import { createPlanner } from "@/lib/plan/planner";
import { hash } from "node:crypto";
import { replyParts, type PlannerReply, type PlannerRequest } from "./planner-protocol";

export type PlannerCore = {
  /** The reply to one request, in parts (see planner-protocol.ts). */
  handle(request: PlannerRequest): Generator<PlannerReply>;
  /**
   * Indexes the current plan's clusters (plan-index.ts), in steps, for the worker's idle time. A preview reads
   * every cluster of the plan it forks through these indexes; built by the first preview after a plan, they cost
   * it ~1.7 s of this thread at 20 × 500 (580,000 objects), so every preview queued behind it waited as long.
   * Indexes are kept per cluster array and the planner keeps an unchanged cluster's array, so after a small
   * change this reads only the clusters that changed.
   */
  warm(): Steps<void>;
};

// crypto.hash is one call with no Hash object: about half createHash's cost on the planner's short texts.
export const nodeMd5 = (text: string) => hash("md5", text, "hex");

/** A preview's answer, computed here at once: this thread has nothing else to serve meanwhile. */
function previewOf(before: PlanResult, delta: PlanDelta, query: PreviewQuery): PreviewAnswer {
  let after: PlanResult | undefined;
  return drain(previewAnswerSteps(before, delta, () => (after ??= applyPlanDelta(before, delta)), query));
}

export function createPlannerCore(chunkObjects?: number): PlannerCore {
  // node:crypto's md5 (native) instead of lib's pure one: the same hex, a fraction of the cost of a cold plan.
  const planner = createPlanner({ hash: nodeMd5 });
  let input: PlanInput | undefined;
  let result: PlanResult | undefined;

  function answer(request: PlannerRequest) {
    if (request.type !== "plan" && !result) throw new Error("fork before any plan: the planner has no current plan to compare with");
    const next = applyInputDelta(input, request.delta);
    // Delta mode: the fork reads the changes from the batches that differ, never building the plan's lists.
    if (request.type !== "plan") return planner.fork().planDelta(next);
    const { result: after, delta } = planner.planWithDelta(next);
    input = next;
    result = after;
    return delta;
  }

  function* handle(request: PlannerRequest): Generator<PlannerReply> {
    let delta;
    let preview: PreviewAnswer | undefined;
    try {
      delta = answer(request);
      if (request.type === "preview") preview = previewOf(result as PlanResult, delta, request.query);
    } catch (error) {
      // The host starts over after an error (its mirror and this state may no longer agree).
      yield { type: "error", seq: request.seq, message: error instanceof Error ? error.message : String(error) };
      return;
    }
    if (preview) yield { type: "answer", seq: request.seq, answer: preview };
    else yield* replyParts(request.seq, delta, chunkObjects);
  }

  function* warm(): Steps<void> {
    const plan = result;
    for (const objects of Object.values(plan?.clusters ?? {})) {
      yield* clusterIndexSteps(objects);
      yield;
    }
  }

  return { handle, warm };
}

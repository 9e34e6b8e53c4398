// What a preview asks beside its fork, answered where the plans are: in the planner worker (server/model), so the
// comparison of a change touching tens of thousands of planned objects allocates and runs off the event loop, and
// only the answer (names capped, counts exact) crosses back. The same steps run sliced on the event loop when the
// planner runs in process (tests, or no worker built): one computation, two places.
import type { PlanDelta, PlanResult } from "@/lib/plan/plan-delta";
import type { Steps } from "@/lib/steps";
import { capConsequences } from "@/lib/workspace-view/consequence-cap";
import type { ClusterConsequence, ServiceReachability } from "@/lib/workspace-view/types";
import { clusterConsequencesSteps, lossSentencesSteps } from "./consequences";
import { heldByIds, NOTHING_HELD } from "./foreign-holders";
import { localEndpointsFrom } from "./local-endpoint-counts";
import { serviceReachabilitySteps } from "./service-reachability";

/** Per cluster, each Service's (`namespace/name`) ready/total local endpoints, as the snapshot counts them now. */
export type LocalEndpointCounts = Record<string, Record<string, { ready: number; total: number }>>;

export type PreviewQuery =
  /**
   * The registry's consequences for `workspace`. `foreign`: per cluster, the ids of live objects the console cannot
   * prove it made (foreign-holders.ts), when its registry writes; undefined: nothing is checked (observe mode).
   * `listLimit`: names listed per cluster and kind (undefined: all, for tests that compare whole lists).
   */
  | { kind: "registry"; workspace: string; foreign: Record<string, string[]> | undefined; listLimit?: number }
  /** The sentences of a gateway removal: who loses `lostSource`'s instances, given each cluster's live endpoints. */
  | { kind: "loss"; lostSource: string; local: LocalEndpointCounts; listLimit?: number };

export type RegistryAnswer = {
  kind: "registry";
  consequences: ClusterConsequence[];
  reachability: ServiceReachability[];
  conditions: Array<{ severity: "error" | "warning" | "info"; message: string }>;
};
/** `sentences`: the gravest first, at most `listLimit`; `more`: how many were left out. */
export type PreviewAnswer = RegistryAnswer | { kind: "loss"; sentences: string[]; more: number };

/** `after`: the current plan patched with the delta, made only if a foreign id asks for it. */
export function* previewAnswerSteps(before: PlanResult, delta: PlanDelta, after: () => PlanResult, query: PreviewQuery): Steps<PreviewAnswer> {
  if (query.kind === "loss") {
    const sentences = yield* lossSentencesSteps(before, delta, query.lostSource, localEndpointsFrom(query.local));
    const listed = query.listLimit === undefined ? sentences : sentences.slice(0, query.listLimit);
    return { kind: "loss", sentences: listed, more: sentences.length - listed.length };
  }
  const held = query.foreign ? heldByIds(query.foreign, after) : NOTHING_HELD;
  const consequences = yield* clusterConsequencesSteps(before, delta, held);
  const reachability = yield* serviceReachabilitySteps(before, delta, held);
  const conditions = delta.conditions.filter((c) => c.workspace === query.workspace).map((c) => ({ severity: c.severity, message: c.message }));
  return { kind: "registry", consequences: query.listLimit === undefined ? consequences : capConsequences(consequences, query.listLimit), reachability, conditions };
}

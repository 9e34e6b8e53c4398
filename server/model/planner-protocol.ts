// The messages between the console's thread and the planner worker (planner-host.ts, planner-worker.ts). A
// request carries an input delta; the reply, a plan delta, is cut into parts of at most CHUNK_OBJECTS objects so
// the receiving thread deserialises it in small steps between other events (a cold plan at 20 × 500 is ~290,000
// objects: one message would block the event loop for seconds). Parts of one reply arrive in order, and replies
// in the order of their requests.
import type { Condition } from "@/lib/plan/conditions";
import type { DesiredObject } from "@/lib/plan/desired";
import type { InputDelta } from "@/lib/plan/input-delta";
import { internStrings, type InternTable } from "@/lib/fleet/intern-strings";
import { createObjectDecoder, createObjectEncoder, type EncodedObjects, type ObjectEncoder } from "@/lib/plan/object-codec";
import { desiredId } from "@/lib/plan/place";
import { applyClusterDelta, applyPlanDelta, type ClusterDelta, type ListPatches, type PlanDelta } from "@/lib/plan/plan-delta";
import type { HeldBack, PlanResult } from "@/lib/plan/plan-result";
import type { PreviewAnswer, PreviewQuery } from "@/server/workspaces/preview-query";

export const CHUNK_OBJECTS = 2_000;

/** The planner worker thread's nice value (planner-worker.ts): the console's own thread runs at 0, 19 is the lowest. */
export const PLANNER_NICE = 10;

/**
 * `plan`: the input becomes the delta's, planned. `fork`: the delta's input planned on a fork, nothing kept.
 * `preview`: a fork too, but what crosses back is the answer to `query` (server/workspaces/preview-query.ts),
 * computed where the plans are, not the delta.
 */
export type PlannerRequest = { type: "plan" | "fork"; seq: number; delta: InputDelta } | { type: "preview"; seq: number; delta: InputDelta; query: PreviewQuery };

export type PlannerReply =
  /**
   * Part of one cluster's change; a cluster's parts are consecutive (objects and removes concatenated). The objects
   * are encoded (object-codec.ts) against the values of the reply's earlier parts.
   */
  | { type: "cluster"; seq: number; cluster: string; kind: ClusterDelta["kind"]; objects: EncodedObjects; removes: string[] }
  | { type: "conditions"; seq: number; conditions: Condition[] }
  | { type: "done"; seq: number; removedClusters: string[]; heldBack: HeldBack[] }
  | { type: "answer"; seq: number; answer: PreviewAnswer }
  | { type: "error"; seq: number; message: string };

function* slices<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let at = 0; at < items.length; at += size) yield items.slice(at, at + size);
}

function* clusterParts(seq: number, cluster: string, change: ClusterDelta, size: number, encode: ObjectEncoder): Generator<PlannerReply> {
  const objects = change.kind === "replace" ? change.objects : change.upserts;
  const removes = change.kind === "replace" ? [] : change.removes;
  const part = (some: readonly DesiredObject[], ids: string[]): PlannerReply => ({ type: "cluster", seq, cluster, kind: change.kind, objects: encode(some), removes: ids });
  // An empty change (a new cluster with nothing planned) still needs one part to exist on the other side.
  if (objects.length === 0 && removes.length === 0) yield part([], []);
  for (const some of slices(objects, size)) yield part(some, []);
  for (const ids of slices(removes, size * 10)) yield part([], ids);
}

/** The reply to request `seq`, in parts (each encoded when taken, against the ones before it). */
export function* replyParts(seq: number, delta: PlanDelta, size = CHUNK_OBJECTS): Generator<PlannerReply> {
  const encode = createObjectEncoder();
  for (const [cluster, change] of Object.entries(delta.clusters)) yield* clusterParts(seq, cluster, change, size, encode);
  for (const part of slices(delta.conditions, size)) yield { type: "conditions", seq, conditions: part };
  yield { type: "done", seq, removedClusters: delta.removedClusters, heldBack: delta.heldBack };
}

type ClusterParts = { name: string; kind: ClusterDelta["kind"]; objects: DesiredObject[][]; removes: string[][] };

/**
 * Collects one reply's parts and applies them to `base()` (the plan the reply is relative to, read when the
 * first cluster completes) a cluster at a time, as its parts complete, so no one step patches the whole plan.
 * `add` returns the delta and the new plan on the last part. `patches`: where each patched list records how it
 * was made (ListPatches).
 * With `apply: false` (a fork) nothing is patched: the delta is all a preview reads, and the patched plan would be
 * tens of large arrays per fork, garbage in the old generation that makes the collector walk the whole heap.
 */
export function createReplyAssembler(base: () => PlanResult | undefined, options: { apply: boolean; patches?: ListPatches } = { apply: true }) {
  const clusters: PlanDelta["clusters"] = {};
  const applied: Record<string, DesiredObject[]> = {};
  const conditions: Condition[][] = [];
  let open: ClusterParts | undefined;
  // The reply's values arrive once each; their strings are shared with the reply's other values (label values,
  // port names and hostnames repeat across services), the objects' own names and hashes are not.
  const strings: InternTable = new Map();
  const decode = createObjectDecoder((values) => internStrings(values, strings));

  function close() {
    if (!open) return;
    const { name, kind, objects, removes } = open;
    const change: ClusterDelta = kind === "replace" ? { kind, objects: objects.flat() } : { kind, upserts: objects.flat(), removes: removes.flat() };
    clusters[name] = change;
    if (options.apply) applied[name] = applyClusterDelta(base()?.clusters[name], change, options.patches);
    open = undefined;
  }

  /** `result`: the new plan, when applying (`options.apply`); a fork's is made only if someone reads it (fork-result.ts). */
  function add(part: Exclude<PlannerReply, { type: "error" | "answer" }>): { delta: PlanDelta; result?: PlanResult } | undefined {
    if (part.type === "cluster") {
      if (open?.name !== part.cluster) close();
      open ??= { name: part.cluster, kind: part.kind, objects: [], removes: [] };
      const objects = decode(part.objects);
      open.objects.push(objects);
      open.removes.push(part.removes);
      // The ids the merge compares by, computed now (a part at a time) rather than all in the cluster's merge.
      for (const o of objects) desiredId(o);
      return undefined;
    }
    close();
    if (part.type === "conditions") {
      conditions.push(part.conditions);
      return undefined;
    }
    const delta: PlanDelta = { clusters, removedClusters: part.removedClusters, conditions: conditions.flat(), heldBack: part.heldBack };
    return options.apply ? { delta, result: applyPlanDelta(base(), delta, applied) } : { delta };
  }

  return { add };
}

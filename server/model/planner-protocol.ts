// The messages between the console's thread and the planner worker (planner-host.ts, planner-worker.ts). A
// request carries an input delta; the reply, a plan delta, is cut into parts of at most CHUNK_OBJECTS objects so
// the receiving thread deserialises it in small steps between other events (a cold plan at 20 × 500 is ~290,000
// objects: one message would block the event loop for seconds). Parts of one reply arrive in order, and replies
// in the order of their requests.
import type { Condition } from "@/lib/plan/conditions";
import type { DesiredObject } from "@/lib/plan/desired";
import type { InputDelta } from "@/lib/plan/input-delta";
import type { ClusterDelta, PlanDelta } from "@/lib/plan/plan-delta";
import type { HeldBack } from "@/lib/plan/plan-result";

export const CHUNK_OBJECTS = 2_000;

/** `plan`: the input becomes the delta's, planned. `fork`: the delta's input planned on a fork, nothing kept. */
export type PlannerRequest = { type: "plan" | "fork"; seq: number; delta: InputDelta };

export type PlannerReply =
  /** Part of one cluster's change; a cluster's parts are consecutive (objects and removes concatenated). */
  | { type: "cluster"; seq: number; cluster: string; kind: ClusterDelta["kind"]; objects: DesiredObject[]; removes: string[] }
  | { type: "conditions"; seq: number; conditions: Condition[] }
  | { type: "done"; seq: number; removedClusters: string[]; heldBack: HeldBack[] }
  | { type: "error"; seq: number; message: string };

function* slices<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let at = 0; at < items.length; at += size) yield items.slice(at, at + size);
}

function* clusterParts(seq: number, cluster: string, change: ClusterDelta, size: number): Generator<PlannerReply> {
  const objects = change.kind === "replace" ? change.objects : change.upserts;
  const removes = change.kind === "replace" ? [] : change.removes;
  // An empty change (a new cluster with nothing planned) still needs one part to exist on the other side.
  if (objects.length === 0 && removes.length === 0) yield { type: "cluster", seq, cluster, kind: change.kind, objects: [], removes: [] };
  for (const part of slices(objects, size)) yield { type: "cluster", seq, cluster, kind: change.kind, objects: part, removes: [] };
  for (const part of slices(removes, size * 10)) yield { type: "cluster", seq, cluster, kind: change.kind, objects: [], removes: part };
}

/** The reply to request `seq`, in parts. */
export function* replyParts(seq: number, delta: PlanDelta, size = CHUNK_OBJECTS): Generator<PlannerReply> {
  for (const [cluster, change] of Object.entries(delta.clusters)) yield* clusterParts(seq, cluster, change, size);
  for (const part of slices(delta.conditions, size)) yield { type: "conditions", seq, conditions: part };
  yield { type: "done", seq, removedClusters: delta.removedClusters, heldBack: delta.heldBack };
}

/** Collects one reply's parts; `add` returns the whole delta on the last part. */
export function createReplyAssembler() {
  const clusters: Record<string, { kind: ClusterDelta["kind"]; objects: DesiredObject[][]; removes: string[][] }> = {};
  const conditions: Condition[][] = [];

  function delta(done: Extract<PlannerReply, { type: "done" }>): PlanDelta {
    const out: PlanDelta["clusters"] = {};
    for (const [name, { kind, objects, removes }] of Object.entries(clusters)) {
      out[name] = kind === "replace" ? { kind, objects: objects.flat() } : { kind, upserts: objects.flat(), removes: removes.flat() };
    }
    return { clusters: out, removedClusters: done.removedClusters, conditions: conditions.flat(), heldBack: done.heldBack };
  }

  function add(part: Exclude<PlannerReply, { type: "error" }>): PlanDelta | undefined {
    if (part.type === "done") return delta(part);
    if (part.type === "conditions") conditions.push(part.conditions);
    else {
      const entry = (clusters[part.cluster] ??= { kind: part.kind, objects: [], removes: [] });
      entry.objects.push(part.objects);
      entry.removes.push(part.removes);
    }
    return undefined;
  }

  return { add };
}

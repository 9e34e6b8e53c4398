// The Progressing condition as syncRolloutStatus keeps it (pkg/controller/deployment/progress.go): settled once the
// new ReplicaSet is available (NewReplicaSetAvailable); refreshed, lastUpdateTime = now, whenever a rollout makes
// progress (ReplicaSetUpdated); False with ProgressDeadlineExceeded once no progress was seen for
// spec.progressDeadlineSeconds — which `kubectl rollout status` reports as "exceeded its progress deadline".
import type { KubeObject } from "../apiserver/types";
import { asRecord, type JsonRecord } from "./object-util";

export const TIMED_OUT = "ProgressDeadlineExceeded";

export interface ProgressInput {
  /** The status being computed (replicas, updatedReplicas, readyReplicas, availableReplicas, …). */
  next: JsonRecord;
  /** DeploymentComplete for `next`. */
  complete: boolean;
  replicaSetName: string;
  now: string;
}

const count = (status: JsonRecord | undefined, field: string): number => Number(status?.[field] ?? 0);

/** DeploymentProgressing: more updated, ready or available replicas, or fewer old ones, than last time. */
function madeProgress(old: JsonRecord | undefined, next: JsonRecord): boolean {
  const oldOld = count(old, "replicas") - count(old, "updatedReplicas");
  const newOld = count(next, "replicas") - count(next, "updatedReplicas");
  return count(next, "updatedReplicas") > count(old, "updatedReplicas") || newOld < oldOld
    || count(next, "readyReplicas") > count(old, "readyReplicas") || count(next, "availableReplicas") > count(old, "availableReplicas");
}

function deadlineSeconds(d: KubeObject): number | undefined {
  const raw = asRecord(d.spec)?.progressDeadlineSeconds;
  // MaxInt32 means "no deadline" (HasProgressDeadline).
  return typeof raw === "number" && raw < 2147483647 ? raw : undefined;
}

function make(status: string, reason: string, message: string, now: string, previous: JsonRecord | undefined, keepUpdate: boolean): JsonRecord {
  return {
    type: "Progressing", status,
    lastUpdateTime: keepUpdate && previous ? previous.lastUpdateTime : now,
    lastTransitionTime: previous?.status === status ? previous.lastTransitionTime : now,
    reason, message,
  };
}

/** The next Progressing condition (undefined: none, the Deployment has no deadline) and when to look again. */
export function progressing(d: KubeObject, input: ProgressInput): { condition?: JsonRecord; recheckAfterMs?: number } {
  const deadline = deadlineSeconds(d);
  if (deadline === undefined) return {};
  const old = asRecord(d.status);
  const current = (Array.isArray(old?.conditions) ? old.conditions : []).map((c) => asRecord(c) ?? {}).find((c) => c.type === "Progressing");
  const rs = `ReplicaSet "${input.replicaSetName}"`;
  const settled = count(input.next, "replicas") === count(input.next, "updatedReplicas") && current?.reason === "NewReplicaSetAvailable";
  if (settled && current) return { condition: current };
  if (input.complete) {
    const same = current?.status === "True" && current.reason === "NewReplicaSetAvailable";
    return { condition: same ? current : make("True", "NewReplicaSetAvailable", `${rs} has successfully progressed.`, input.now, current, false) };
  }
  if (!current || madeProgress(old, input.next)) {
    return { condition: make("True", "ReplicaSetUpdated", `${rs} is progressing.`, input.now, current, false), recheckAfterMs: deadline * 1000 };
  }
  if (current.reason === TIMED_OUT) return { condition: current };
  const left = Date.parse(String(current.lastUpdateTime ?? input.now)) + deadline * 1000 - Date.parse(input.now);
  if (left < 0) return { condition: make("False", TIMED_OUT, `${rs} has timed out progressing.`, input.now, current, false) };
  // requeueStuckDeployment: come back when the deadline passes (a second after, as the timestamps have seconds).
  return { condition: current, recheckAfterMs: left + 1000 };
}

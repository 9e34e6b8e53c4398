// Deployment status as the deployment controller reports it (apps/v1 DeploymentStatus), so `kubectl get deploy`,
// `kubectl rollout status` and `kubectl wait --for=condition=Available` behave.
import type { KubeObject } from "../apiserver/types";
import { progressing } from "./deployment-progress";
import { asArray, asRecord, deepEqual, nowSeconds, type JsonRecord } from "./object-util";

export interface ReplicaCounts {
  /** spec.replicas of the Deployment. */
  desired: number;
  /** Sum of the ReplicaSets' status.replicas (their active pods). */
  total: number;
  /** Sum of the ReplicaSets' spec.replicas (calculateStatus's totalReplicas, for unavailableReplicas). */
  specTotal: number;
  /** The new ReplicaSet's status.replicas. */
  updated: number;
  ready: number;
  available: number;
  /** The new ReplicaSet's name, used in condition messages. */
  replicaSetName: string;
  /** maxUnavailable resolved against the desired count (fenceposts). */
  maxUnavailable: number;
}

/** Keeps a condition's timestamps when nothing about it changed, so an unchanged status is an identical write. */
function condition(previous: JsonRecord[], type: string, status: string, reason: string, message: string, now: string): JsonRecord {
  const old = previous.find((c) => c.type === type);
  const same = old?.status === status;
  const unchanged = same && old?.reason === reason && old?.message === message;
  return {
    type,
    status,
    lastUpdateTime: unchanged ? old?.lastUpdateTime : now,
    lastTransitionTime: same ? old?.lastTransitionTime : now,
    reason,
    message,
  };
}

/** calculateStatus + syncRolloutStatus: the counts, Available, and Progressing (deployment-progress.ts). */
export function deploymentStatus(deployment: KubeObject, counts: ReplicaCounts, now = new Date()): { status: JsonRecord; recheckAfterMs?: number } {
  const ts = nowSeconds(now);
  const previous = asArray(asRecord(deployment.status)?.conditions).map((c) => asRecord(c) ?? {});
  const available = counts.available;
  const isAvailable = available >= counts.desired - counts.maxUnavailable;
  // Zero counts are omitted (omitempty upstream); kubectl prints them as 0.
  const status: JsonRecord = { observedGeneration: deployment.metadata.generation ?? 1 };
  if (counts.total > 0) status.replicas = counts.total;
  if (counts.updated > 0) status.updatedReplicas = counts.updated;
  if (counts.ready > 0) status.readyReplicas = counts.ready;
  if (available > 0) status.availableReplicas = available;
  if (counts.specTotal - available > 0) status.unavailableReplicas = counts.specTotal - available;
  // DeploymentComplete: every replica updated, none old left, all available.
  const complete = counts.updated === counts.desired && counts.total === counts.desired && available === counts.desired;
  const progress = progressing(deployment, { next: status, complete, replicaSetName: counts.replicaSetName, now: ts });
  status.conditions = [
    isAvailable
      ? condition(previous, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", ts)
      : condition(previous, "Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", ts),
    ...(progress.condition ? [progress.condition] : []),
  ];
  return progress.recheckAfterMs === undefined ? { status } : { status, recheckAfterMs: progress.recheckAfterMs };
}

export function statusChanged(deployment: KubeObject, status: JsonRecord): boolean {
  return !deepEqual(deployment.status, status);
}

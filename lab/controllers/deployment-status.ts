// Deployment status as the deployment controller reports it (apps/v1 DeploymentStatus), so `kubectl get deploy`,
// `kubectl rollout status` and `kubectl wait --for=condition=Available` behave.
import type { KubeObject } from "../apiserver/types";
import { asArray, asRecord, deepEqual, nowSeconds, type JsonRecord } from "./object-util";

export interface ReplicaCounts {
  desired: number;
  total: number;
  updated: number;
  ready: number;
  /** The ReplicaSet-style name `<deployment>-<hash>` used in condition messages. */
  replicaSetName: string;
}

/** maxUnavailable of the RollingUpdate strategy (default 25%, rounded down), as an absolute count. */
function maxUnavailable(deployment: KubeObject, desired: number): number {
  const strategy = asRecord(asRecord(deployment.spec)?.strategy);
  if (strategy?.type === "Recreate") return desired;
  const raw = asRecord(strategy?.rollingUpdate)?.maxUnavailable ?? "25%";
  if (typeof raw === "number") return raw;
  const pct = Number(String(raw).replace("%", ""));
  return Number.isFinite(pct) ? Math.floor((desired * pct) / 100) : 0;
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

export function deploymentStatus(deployment: KubeObject, counts: ReplicaCounts, now = new Date()): JsonRecord {
  const ts = nowSeconds(now);
  const previous = asArray(asRecord(deployment.status)?.conditions).map((c) => asRecord(c) ?? {});
  const available = counts.ready; // minReadySeconds 0: ready pods are available
  const minAvailable = counts.desired - maxUnavailable(deployment, counts.desired);
  const isAvailable = available >= minAvailable;
  const complete = counts.updated === counts.desired && counts.total === counts.desired && available >= counts.desired;
  const rs = `ReplicaSet "${counts.replicaSetName}"`;
  const conditions = [
    isAvailable
      ? condition(previous, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", ts)
      : condition(previous, "Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", ts),
    complete
      ? condition(previous, "Progressing", "True", "NewReplicaSetAvailable", `${rs} has successfully progressed.`, ts)
      : condition(previous, "Progressing", "True", "ReplicaSetUpdated", `${rs} is progressing.`, ts),
  ];
  // Zero counts are omitted (omitempty upstream); kubectl prints them as 0.
  const status: JsonRecord = { observedGeneration: deployment.metadata.generation ?? 1 };
  if (counts.total > 0) status.replicas = counts.total;
  if (counts.updated > 0) status.updatedReplicas = counts.updated;
  if (counts.ready > 0) status.readyReplicas = counts.ready;
  if (available > 0) status.availableReplicas = available;
  if (counts.total - available > 0) status.unavailableReplicas = counts.total - available;
  status.conditions = conditions;
  return status;
}

export function statusChanged(deployment: KubeObject, status: JsonRecord): boolean {
  return !deepEqual(deployment.status, status);
}

// The deployment controller's rolling-update arithmetic (pkg/controller/deployment/rolling.go and
// util/deployment_util.go), as pure functions over replica counts: how far the new ReplicaSet may scale up
// (maxSurge above the desired count) and how far the old ones may scale down (never below desired − maxUnavailable
// available pods).
import type { KubeObject } from "../apiserver/types";
import { asRecord } from "./object-util";

export interface RsCounts {
  name: string;
  /** spec.replicas */
  replicas: number;
  /** status.availableReplicas */
  available: number;
  creationTimestamp: string;
}

/** intstr.GetScaledValueFromIntOrPercent: "25%" of total, rounded up or down; a number as is. */
export function scaledValue(raw: unknown, total: number, roundUp: boolean): number {
  if (typeof raw === "number") return raw;
  const text = String(raw ?? "");
  if (!text.endsWith("%")) return Number(text) || 0;
  const value = (Number(text.slice(0, -1)) * total) / 100;
  return roundUp ? Math.ceil(value) : Math.floor(value);
}

export function desiredReplicas(deployment: KubeObject): number {
  return Number(asRecord(deployment.spec)?.replicas ?? 1);
}

export function isRecreate(deployment: KubeObject): boolean {
  return asRecord(asRecord(deployment.spec)?.strategy)?.type === "Recreate";
}

/** ResolveFenceposts: maxSurge rounds up, maxUnavailable down; both 0 would deadlock, so maxUnavailable becomes 1. */
export function fenceposts(deployment: KubeObject): { surge: number; unavailable: number } {
  const desired = desiredReplicas(deployment);
  if (isRecreate(deployment)) return { surge: 0, unavailable: desired };
  const rolling = asRecord(asRecord(asRecord(deployment.spec)?.strategy)?.rollingUpdate) ?? {};
  const surge = scaledValue(rolling.maxSurge ?? "25%", desired, true);
  const unavailable = scaledValue(rolling.maxUnavailable ?? "25%", desired, false);
  return surge === 0 && unavailable === 0 ? { surge, unavailable: 1 } : { surge, unavailable };
}

const sum = (sets: RsCounts[], pick: (r: RsCounts) => number): number => sets.reduce((n, r) => n + pick(r), 0);

/** NewRSNewReplicas for RollingUpdate: scale up by what maxSurge leaves, never past the desired count. */
export function newReplicaSetTarget(deployment: KubeObject, current: number, all: RsCounts[]): number {
  const desired = desiredReplicas(deployment);
  if (current >= desired) return desired;
  const maxTotal = desired + fenceposts(deployment).surge;
  const total = sum(all, (r) => r.replicas);
  if (total >= maxTotal) return current;
  return current + Math.max(0, Math.min(maxTotal - total, desired - current));
}

/**
 * reconcileOldReplicaSets: the old ReplicaSets' new sizes. Unhealthy replicas go first (cleanupUnhealthyReplicas),
 * then available ones, oldest ReplicaSet first, as long as desired − maxUnavailable pods stay available.
 */
export function oldReplicaSetTargets(deployment: KubeObject, newRs: RsCounts | undefined, old: RsCounts[]): Map<string, number> {
  const targets = new Map(old.map((r) => [r.name, r.replicas]));
  const oldTotal = sum(old, (r) => r.replicas);
  if (oldTotal === 0) return targets;
  const all = newRs ? [...old, newRs] : old;
  const minAvailable = desiredReplicas(deployment) - fenceposts(deployment).unavailable;
  const newUnavailable = newRs ? newRs.replicas - newRs.available : 0;
  let budget = sum(all, (r) => r.replicas) - minAvailable - newUnavailable;
  if (budget <= 0) return targets;
  const oldest = [...old].sort((a, b) => a.creationTimestamp.localeCompare(b.creationTimestamp));
  for (const rs of oldest) {
    const unhealthy = Math.min(budget, Math.max(0, rs.replicas - rs.available));
    if (unhealthy === 0) continue;
    targets.set(rs.name, rs.replicas - unhealthy);
    budget -= unhealthy;
  }
  let removable = sum(all, (r) => Math.min(r.available, targets.get(r.name) ?? r.replicas)) - minAvailable;
  for (const rs of oldest) {
    if (removable <= 0) break;
    const size = targets.get(rs.name) ?? 0;
    const down = Math.min(size, removable);
    targets.set(rs.name, size - down);
    removable -= down;
  }
  return targets;
}

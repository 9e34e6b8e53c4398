// One sync of a Deployment over the ReplicaSets it controls (pkg/controller/deployment): find or create the new
// ReplicaSet (the one running the current template; a new one takes revision max+1, an old one brought back by
// `kubectl rollout undo` takes it too and remembers its old number in revision-history), step the rollout by
// maxSurge/maxUnavailable (or Recreate: old to zero, wait for their pods, then the new), prune old ReplicaSets
// beyond revisionHistoryLimit, and report status.
import type { KubeObject } from "../apiserver/types";
import type { ControllerContext } from "./context";
import { writeStatus } from "./context";
import { deploymentStatus, statusChanged } from "./deployment-status";
import { desiredReplicas, fenceposts, isRecreate, newReplicaSetTarget, oldReplicaSetTargets, type RsCounts } from "./deployment-rollout";
import { adoptOrphans } from "./adoption";
import { recordEvent } from "./events";
import type { Informer } from "./informer";
import { asRecord, isControlledBy } from "./object-util";
import { copiedAnnotations, DESIRED_REPLICAS, MAX_REPLICAS, replicaSetFor, REVISION, REVISION_HISTORY, sameTemplate, templateHash } from "./pod-template";

const MANAGER = "kube-controller-manager";

export interface DeploymentCaches {
  sets: Informer;
  pods: Informer;
}

export const revisionOf = (rs: KubeObject): number => Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0;
const specReplicas = (rs: KubeObject): number => Number(asRecord(rs.spec)?.replicas ?? 0);
const statusCount = (rs: KubeObject, field: string): number => Number(asRecord(rs.status)?.[field] ?? 0);

function countsOf(rs: KubeObject): RsCounts {
  return { name: rs.metadata.name ?? "", replicas: specReplicas(rs), available: statusCount(rs, "availableReplicas"), creationTimestamp: String(rs.metadata.creationTimestamp ?? "") };
}

function replicaAnnotations(d: KubeObject): Record<string, string> {
  const desired = desiredReplicas(d);
  return { [DESIRED_REPLICAS]: String(desired), [MAX_REPLICAS]: String(desired + fenceposts(d).surge) };
}

/** scaleReplicaSet: spec.replicas and the desired/max annotations, with the ScalingReplicaSet event. */
function scale(ctx: ControllerContext, d: KubeObject, rs: KubeObject, to: number): void {
  const from = specReplicas(rs);
  const annotations = { ...rs.metadata.annotations, ...replicaAnnotations(d) };
  ctx.store.update(ctx.kinds.replicaSet, { ...rs, metadata: { ...rs.metadata, annotations }, spec: { ...asRecord(rs.spec), replicas: to } }, { fieldManager: MANAGER });
  if (from !== to) {
    const message = `Scaled ${to > from ? "up" : "down"} replica set ${rs.metadata.name ?? ""} from ${from} to ${to}`;
    recordEvent(ctx, d, { reason: "ScalingReplicaSet", message, component: "deployment-controller" });
  }
}

function createNew(ctx: ControllerContext, d: KubeObject, revision: number, replicas: number): void {
  const rs = replicaSetFor(d, templateHash(d), revision, replicas, desiredReplicas(d) + fenceposts(d).surge);
  const created = ctx.store.create(ctx.kinds.replicaSet, rs, { fieldManager: MANAGER });
  if (replicas > 0) recordEvent(ctx, d, { reason: "ScalingReplicaSet", message: `Scaled up replica set ${created.metadata.name ?? ""} from 0 to ${replicas}`, component: "deployment-controller" });
}

/** SetNewReplicaSetAnnotations: an old ReplicaSet that is new again takes the next revision and keeps its old one. */
function promoteRevision(ctx: ControllerContext, d: KubeObject, rs: KubeObject, revision: number): boolean {
  const current = revisionOf(rs);
  if (current >= revision) return false;
  const history = rs.metadata.annotations?.[REVISION_HISTORY];
  const annotations: Record<string, string> = { ...rs.metadata.annotations, ...copiedAnnotations(d), [REVISION]: String(revision) };
  if (current > 0) annotations[REVISION_HISTORY] = history ? `${history},${current}` : String(current);
  ctx.store.update(ctx.kinds.replicaSet, { ...rs, metadata: { ...rs.metadata, annotations } }, { fieldManager: MANAGER });
  return true;
}

/** The Deployment carries its new ReplicaSet's revision (what `kubectl rollout history` numbers from). */
function syncRevisionAnnotation(ctx: ControllerContext, d: KubeObject, revision: number): boolean {
  if (d.metadata.annotations?.[REVISION] === String(revision)) return false;
  const annotations = { ...d.metadata.annotations, [REVISION]: String(revision) };
  ctx.store.update(ctx.kinds.deployment, { ...d, metadata: { ...d.metadata, annotations } }, { fieldManager: MANAGER });
  return true;
}

/** rolloutRecreate: old ReplicaSets to zero, wait until their pods are gone, then the new one at full size. */
function recreateStep(ctx: ControllerContext, caches: DeploymentCaches, d: KubeObject, newRs: KubeObject | undefined, old: KubeObject[], nextRevision: number): boolean {
  const desired = desiredReplicas(d);
  const active = old.filter((rs) => specReplicas(rs) > 0);
  if (active.length > 0) {
    for (const rs of active) scale(ctx, d, rs, 0);
    return true;
  }
  if (caches.pods.list(d.metadata.namespace).some((p) => old.some((rs) => isControlledBy(p, rs)))) return false;
  if (!newRs) {
    createNew(ctx, d, nextRevision, desired);
    return true;
  }
  if (specReplicas(newRs) === desired) return false;
  scale(ctx, d, newRs, desired);
  return true;
}

/** rolloutRolling: scale the new ReplicaSet up within maxSurge, else the old ones down within maxUnavailable. */
function rollingStep(ctx: ControllerContext, d: KubeObject, newRs: KubeObject | undefined, old: KubeObject[], nextRevision: number): boolean {
  const all = [...old, ...(newRs ? [newRs] : [])].map(countsOf);
  if (!newRs) {
    createNew(ctx, d, nextRevision, newReplicaSetTarget(d, 0, all));
    return true;
  }
  const target = newReplicaSetTarget(d, specReplicas(newRs), all);
  if (target !== specReplicas(newRs)) {
    scale(ctx, d, newRs, target);
    return true;
  }
  const targets = oldReplicaSetTargets(d, countsOf(newRs), old.map(countsOf));
  const changed = old.filter((rs) => targets.get(rs.metadata.name ?? "") !== specReplicas(rs));
  for (const rs of changed) scale(ctx, d, rs, targets.get(rs.metadata.name ?? "") ?? 0);
  return changed.length > 0;
}

/** One step of the rollout; true when it wrote (the writes' events bring the Deployment back). */
function rollout(ctx: ControllerContext, caches: DeploymentCaches, d: KubeObject, newRs: KubeObject | undefined, old: KubeObject[], nextRevision: number): boolean {
  return isRecreate(d) ? recreateStep(ctx, caches, d, newRs, old, nextRevision) : rollingStep(ctx, d, newRs, old, nextRevision);
}

/** cleanupDeployment: old, empty ReplicaSets beyond revisionHistoryLimit go, lowest revision first. */
function pruneHistory(ctx: ControllerContext, d: KubeObject, old: KubeObject[]): void {
  const limit = Number(asRecord(d.spec)?.revisionHistoryLimit ?? 10);
  const empty = old.filter((rs) => specReplicas(rs) === 0 && statusCount(rs, "replicas") === 0 && !rs.metadata.deletionTimestamp);
  const doomed = empty.sort((a, b) => revisionOf(a) - revisionOf(b)).slice(0, Math.max(0, empty.length - limit));
  for (const rs of doomed) ctx.store.delete(ctx.kinds.replicaSet, rs.metadata.namespace, rs.metadata.name ?? "");
}

/** Writes the status when it changed; returns when to look again for a rollout that may pass its deadline. */
function writeDeploymentStatus(ctx: ControllerContext, d: KubeObject, newRs: KubeObject | undefined, all: KubeObject[]): number | undefined {
  const sum = (field: string): number => all.reduce((n, rs) => n + statusCount(rs, field), 0);
  const { status, recheckAfterMs } = deploymentStatus(d, {
    desired: desiredReplicas(d),
    total: sum("replicas"),
    specTotal: all.reduce((n, rs) => n + specReplicas(rs), 0),
    updated: newRs ? statusCount(newRs, "replicas") : 0,
    ready: sum("readyReplicas"),
    available: sum("availableReplicas"),
    replicaSetName: newRs?.metadata.name ?? `${d.metadata.name ?? ""}-${templateHash(d)}`,
    maxUnavailable: fenceposts(d).unavailable,
  });
  if (statusChanged(d, status)) writeStatus(ctx, ctx.kinds.deployment, d, status, MANAGER);
  return recheckAfterMs;
}

/** One sync; returns a delay after which the Deployment wants another look (its progress deadline), if any. */
export function syncDeployment(ctx: ControllerContext, caches: DeploymentCaches, d: KubeObject): number | undefined {
  if (adoptOrphans(ctx, d, ctx.kinds.replicaSet, caches.sets.list(d.metadata.namespace))) return undefined;
  const owned = caches.sets.list(d.metadata.namespace).filter((rs) => isControlledBy(rs, d));
  const newRs = owned.filter((rs) => sameTemplate(rs, d)).sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)))[0];
  const old = owned.filter((rs) => rs !== newRs);
  const nextRevision = Math.max(0, ...old.map(revisionOf)) + 1;
  const paused = asRecord(d.spec)?.paused === true;
  if (newRs && !paused) {
    if (promoteRevision(ctx, d, newRs, nextRevision)) return undefined;
    if (syncRevisionAnnotation(ctx, d, revisionOf(newRs))) return undefined;
  }
  // A paused Deployment rolls nothing out; it still scales the ReplicaSet it runs (sync, not rollout).
  if (paused) {
    const settled = newRs !== undefined && old.every((rs) => specReplicas(rs) === 0);
    if (settled && specReplicas(newRs) !== desiredReplicas(d)) {
      scale(ctx, d, newRs, desiredReplicas(d));
      return undefined;
    }
  } else if (rollout(ctx, caches, d, newRs, old, nextRevision)) return undefined;
  if (newRs && !paused && old.every((rs) => specReplicas(rs) === 0)) pruneHistory(ctx, d, old);
  return writeDeploymentStatus(ctx, d, newRs, owned);
}

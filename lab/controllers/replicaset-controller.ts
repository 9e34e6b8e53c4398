// ReplicaSet → Pods, as kube-controller-manager's replicaset controller: keeps spec.replicas active pods of the
// ReplicaSet's template (creating from it, deleting not-ready then newest first), records SuccessfulCreate /
// SuccessfulDelete, and reports status (replicas, fullyLabeledReplicas, readyReplicas, availableReplicas,
// observedGeneration). A ReplicaSet being deleted creates nothing; the garbage collector removes its pods.
import type { KubeObject } from "../apiserver/types";
import type { Controller, ControllerContext } from "./context";
import { writeStatus } from "./context";
import { adoptOrphans } from "./adoption";
import { recordEvent } from "./events";
import type { Informer } from "./informer";
import { asRecord, deepEqual, isControlledBy, keyOf, labelSelectorMatches, splitKey, stringMap, type JsonRecord } from "./object-util";
import { isPodActive, isPodReady } from "./pod-status";
import { podFromReplicaSet } from "./pod-template";
import { createWorkQueue } from "./work-queue";

const MANAGER = "kube-controller-manager";
const COMPONENT = "replicaset-controller";

/** Deletion preference (getPodsToDelete's ranking, simplified): not-ready pods first, then the newest. */
function deletionOrder(a: KubeObject, b: KubeObject): number {
  const ready = Number(isPodReady(a)) - Number(isPodReady(b));
  if (ready !== 0) return ready;
  return String(b.metadata.creationTimestamp ?? "").localeCompare(String(a.metadata.creationTimestamp ?? ""));
}

/** Creates or deletes pods towards spec.replicas; true when it wrote any (their events requeue the ReplicaSet). */
function manageReplicas(ctx: ControllerContext, rs: KubeObject, active: KubeObject[]): boolean {
  const desired = Number(asRecord(rs.spec)?.replicas ?? 1);
  for (let i = active.length; i < desired; i++) {
    const pod = ctx.store.create(ctx.kinds.pod, podFromReplicaSet(rs), { fieldManager: MANAGER });
    recordEvent(ctx, rs, { reason: "SuccessfulCreate", message: `Created pod: ${pod.metadata.name ?? ""}`, component: COMPONENT });
  }
  const victims = [...active].sort(deletionOrder).slice(0, Math.max(0, active.length - desired));
  for (const pod of victims) {
    ctx.store.delete(ctx.kinds.pod, pod.metadata.namespace, pod.metadata.name ?? "");
    recordEvent(ctx, rs, { reason: "SuccessfulDelete", message: `Deleted pod: ${pod.metadata.name ?? ""}`, component: COMPONENT });
  }
  return active.length !== desired;
}

/** calculateStatus: counts over the active pods (minReadySeconds 0 in the lab's templates: ready = available). */
export function replicaSetStatus(rs: KubeObject, active: KubeObject[]): JsonRecord {
  const templateLabels = stringMap(asRecord(asRecord(asRecord(rs.spec)?.template)?.metadata)?.labels);
  const fullyLabeled = active.filter((p) => labelSelectorMatches({ matchLabels: templateLabels }, p.metadata.labels)).length;
  const ready = active.filter(isPodReady).length;
  // replicas is not omitempty upstream; the other counts are.
  const status: JsonRecord = { replicas: active.length };
  if (fullyLabeled > 0) status.fullyLabeledReplicas = fullyLabeled;
  if (ready > 0) status.readyReplicas = ready;
  if (ready > 0) status.availableReplicas = ready;
  status.observedGeneration = rs.metadata.generation ?? 1;
  return status;
}

function reconcile(ctx: ControllerContext, pods: Informer, rs: KubeObject): void {
  if (adoptOrphans(ctx, rs, ctx.kinds.pod, pods.list(rs.metadata.namespace).filter(isPodActive))) return;
  const active = pods.list(rs.metadata.namespace).filter((p) => isControlledBy(p, rs) && isPodActive(p));
  // Status is written once the cache has seen this pass's creations and deletions, not twice.
  if (!rs.metadata.deletionTimestamp && manageReplicas(ctx, rs, active)) return;
  const status = replicaSetStatus(rs, active);
  if (!deepEqual(rs.status, status)) writeStatus(ctx, ctx.kinds.replicaSet, rs, status, MANAGER);
}

export function startReplicaSetController(ctx: ControllerContext): Controller {
  const sets = ctx.informers.for(ctx.kinds.replicaSet);
  const pods = ctx.informers.for(ctx.kinds.pod);
  const queue = createWorkQueue(COMPONENT, (key) => {
    const { namespace, name } = splitKey(key);
    const rs = sets.get(namespace, name);
    if (rs) reconcile(ctx, pods, rs);
  });
  sets.addHandler((event) => {
    if (event.type !== "DELETED") queue.add(keyOf(event.object));
  });
  pods.addHandler((event) => {
    const refs = event.object.metadata.ownerReferences ?? [];
    for (const ref of refs) {
      if (ref.kind === "ReplicaSet" && ref.controller === true) queue.add(`${event.object.metadata.namespace ?? ""}/${String(ref.name)}`);
    }
    // An orphan pod (no controller at all) may be adopted by a ReplicaSet whose selector matches it.
    if (event.type === "DELETED" || refs.some((r) => r.controller === true) || !isPodActive(event.object)) return;
    for (const rs of sets.list(event.object.metadata.namespace)) {
      if (labelSelectorMatches(asRecord(rs.spec)?.selector, event.object.metadata.labels)) queue.add(keyOf(rs));
    }
  });
  return { name: COMPONENT, idle: queue.idle, stop: queue.stop };
}

// Deployment → Pods (the deployment + replicaset controllers folded into one): keeps spec.replicas pods of the
// current template, replaces pods of older templates once the new ones are ready, and reports status.
import type { KubeObject } from "../apiserver/types";
import type { Controller, ControllerContext } from "./context";
import { writeStatus } from "./context";
import { deploymentStatus, statusChanged } from "./deployment-status";
import { recordEvent } from "./events";
import type { Informer } from "./informer";
import { isControlledBy, keyOf, splitKey } from "./object-util";
import { isPodActive, isPodReady } from "./pod-status";
import { POD_TEMPLATE_HASH, podFromDeployment, templateHash } from "./pod-template";
import { createWorkQueue } from "./work-queue";

const MANAGER = "kube-controller-manager";

/** Deletion preference, as the ReplicaSet controller: not-ready pods first, then the newest. */
function deletionOrder(a: KubeObject, b: KubeObject): number {
  const ready = Number(isPodReady(a)) - Number(isPodReady(b));
  if (ready !== 0) return ready;
  return String(b.metadata.creationTimestamp ?? "").localeCompare(String(a.metadata.creationTimestamp ?? ""));
}

function deletePods(ctx: ControllerContext, victims: KubeObject[]): void {
  for (const pod of victims) ctx.store.delete(ctx.kinds.pod, pod.metadata.namespace, pod.metadata.name ?? "");
}

/** Creates/deletes pods towards the desired state; true when it changed any (their events requeue the Deployment). */
function syncPods(ctx: ControllerContext, deployment: KubeObject, current: KubeObject[], old: KubeObject[], hash: string): boolean {
  const desired = Number((deployment.spec as { replicas?: number } | undefined)?.replicas ?? 1);
  if (current.length !== desired) {
    const verb = current.length < desired ? "up" : "down";
    const message = `Scaled ${verb} replica set ${deployment.metadata.name ?? ""}-${hash} from ${current.length} to ${desired}`;
    recordEvent(ctx, deployment, { reason: "ScalingReplicaSet", message, component: "deployment-controller" });
  }
  for (let i = current.length; i < desired; i++) {
    ctx.store.create(ctx.kinds.pod, podFromDeployment(deployment, hash, ctx.nodeName), { fieldManager: MANAGER });
  }
  if (current.length > desired) deletePods(ctx, [...current].sort(deletionOrder).slice(0, current.length - desired));
  // Rolling update: old pods go once the new template's pods can carry the load.
  const retireOld = old.length > 0 && (desired === 0 || current.filter(isPodReady).length >= desired);
  if (retireOld) deletePods(ctx, old);
  return current.length !== desired || retireOld;
}

function reconcileDeployment(ctx: ControllerContext, pods: Informer, deployment: KubeObject): void {
  const hash = templateHash(deployment);
  const owned = pods.list(deployment.metadata.namespace).filter((p) => isControlledBy(p, deployment) && isPodActive(p));
  const current = owned.filter((p) => p.metadata.labels?.[POD_TEMPLATE_HASH] === hash);
  const old = owned.filter((p) => p.metadata.labels?.[POD_TEMPLATE_HASH] !== hash);
  // Status is written once the cache has observed the pods this pass created or deleted, not twice.
  if (syncPods(ctx, deployment, current, old, hash)) return;
  const status = deploymentStatus(deployment, {
    desired: current.length,
    total: owned.length,
    updated: current.length,
    ready: owned.filter(isPodReady).length,
    replicaSetName: `${deployment.metadata.name ?? ""}-${hash}`,
  });
  if (statusChanged(deployment, status)) writeStatus(ctx, ctx.kinds.deployment, deployment, status, MANAGER);
}

export function startDeploymentController(ctx: ControllerContext): Controller {
  const deployments = ctx.informers.for(ctx.kinds.deployment);
  const pods = ctx.informers.for(ctx.kinds.pod);
  const queue = createWorkQueue("deployment-controller", (key) => {
    const { namespace, name } = splitKey(key);
    const deployment = deployments.get(namespace, name);
    // A Deployment being deleted is left to the garbage collector, which removes its pods.
    if (deployment && !deployment.metadata.deletionTimestamp) reconcileDeployment(ctx, pods, deployment);
  });
  deployments.addHandler((event) => queue.add(keyOf(event.object)));
  pods.addHandler((event) => {
    for (const ref of event.object.metadata.ownerReferences ?? []) {
      if (ref.kind === "Deployment" && typeof ref.name === "string") queue.add(`${event.object.metadata.namespace ?? ""}/${ref.name}`);
    }
  });
  return { name: "deployment-controller", idle: queue.idle, stop: queue.stop };
}

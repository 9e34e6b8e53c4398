// Deployment → ReplicaSets, as kube-controller-manager's deployment controller (the sync itself is in
// deployment-sync.ts): queued on changes of the Deployment, of the ReplicaSets it controls and of their pods.
import type { Controller, ControllerContext } from "./context";
import { syncDeployment } from "./deployment-sync";
import { asRecord, keyOf, labelSelectorMatches, splitKey } from "./object-util";
import { createWorkQueue } from "./work-queue";

export function startDeploymentController(ctx: ControllerContext): Controller {
  const deployments = ctx.informers.for(ctx.kinds.deployment);
  const sets = ctx.informers.for(ctx.kinds.replicaSet);
  const pods = ctx.informers.for(ctx.kinds.pod);
  const deadlines = new Map<string, NodeJS.Timeout>();
  const queue = createWorkQueue("deployment-controller", (key) => {
    const { namespace, name } = splitKey(key);
    const deployment = deployments.get(namespace, name);
    // A Deployment being deleted is left to the garbage collector, which removes (or orphans) its ReplicaSets.
    if (!deployment || deployment.metadata.deletionTimestamp) return;
    const recheckAfterMs = syncDeployment(ctx, { sets, pods }, deployment);
    // A rollout still in progress is looked at again when its progress deadline would pass. That look is not
    // pending work (the cluster has converged meanwhile), so it is kept out of the queue's idle().
    clearTimeout(deadlines.get(key));
    deadlines.delete(key);
    if (recheckAfterMs !== undefined) {
      const timer = setTimeout(() => {
        deadlines.delete(key);
        queue.add(key);
      }, recheckAfterMs);
      timer.unref();
      deadlines.set(key, timer);
    }
  });
  const controllerOf = (refs: Array<Record<string, unknown>> | undefined, kind: string): string | undefined => {
    const ref = (refs ?? []).find((r) => r.kind === kind && r.controller === true);
    return ref ? String(ref.name) : undefined;
  };
  deployments.addHandler((event) => {
    if (event.type !== "DELETED") queue.add(keyOf(event.object));
  });
  sets.addHandler((event) => {
    const ns = event.object.metadata.namespace;
    const owner = controllerOf(event.object.metadata.ownerReferences, "Deployment");
    if (owner) return queue.add(`${ns ?? ""}/${owner}`);
    // An orphan: every Deployment whose selector matches it may adopt it.
    if (event.type === "DELETED" || (event.object.metadata.ownerReferences ?? []).some((r) => r.controller === true)) return;
    for (const d of deployments.list(ns)) {
      if (labelSelectorMatches(asRecord(d.spec)?.selector, event.object.metadata.labels)) queue.add(keyOf(d));
    }
  });
  // Recreate waits for the old ReplicaSets' pods to be gone: their deletion must bring the Deployment back.
  pods.addHandler((event) => {
    if (event.type !== "DELETED") return;
    const rsName = controllerOf(event.object.metadata.ownerReferences, "ReplicaSet");
    const rs = rsName ? sets.get(event.object.metadata.namespace, rsName) : undefined;
    const owner = rs ? controllerOf(rs.metadata.ownerReferences, "Deployment") : undefined;
    if (owner) queue.add(`${event.object.metadata.namespace ?? ""}/${owner}`);
  });
  const stop = (): void => {
    for (const timer of deadlines.values()) clearTimeout(timer);
    deadlines.clear();
    queue.stop();
  };
  return { name: "deployment-controller", idle: queue.idle, stop };
}

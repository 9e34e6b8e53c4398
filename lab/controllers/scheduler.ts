// The scheduler of a one-node cluster: a pod without spec.nodeName (e.g. `kubectl run`, or any bare Pod) is bound
// to the node. Upstream binds through pods/binding; the lab writes spec.nodeName directly as the binding would.
// Pods naming another schedulerName are left alone, as kube-scheduler leaves them.
import type { Controller, ControllerContext } from "./context";
import { recordEvent } from "./events";
import { asRecord, keyOf, splitKey } from "./object-util";
import { createWorkQueue } from "./work-queue";

export function startScheduler(ctx: ControllerContext): Controller {
  const pods = ctx.informers.for(ctx.kinds.pod);
  const queue = createWorkQueue("scheduler", (key) => {
    const { namespace, name } = splitKey(key);
    const pod = pods.get(namespace, name);
    const spec = asRecord(pod?.spec) ?? {};
    if (!pod || pod.metadata.deletionTimestamp || typeof spec.nodeName === "string") return;
    if (spec.schedulerName !== undefined && spec.schedulerName !== "default-scheduler") return;
    ctx.store.update(ctx.kinds.pod, { ...pod, spec: { ...spec, nodeName: ctx.nodeName } }, { fieldManager: "kube-scheduler" });
    recordEvent(ctx, pod, { reason: "Scheduled", message: `Successfully assigned ${namespace ?? ""}/${name} to ${ctx.nodeName}`, component: "default-scheduler" });
  });
  pods.addHandler((event) => {
    if (event.type !== "DELETED" && typeof asRecord(event.object.spec)?.nodeName !== "string") queue.add(keyOf(event.object));
  });
  return { name: "scheduler", idle: queue.idle, stop: queue.stop };
}

// The scheduler: a pod without spec.nodeName (e.g. `kubectl run`, or any bare Pod) is bound to a registered Node
// that is Ready and not cordoned (spec.unschedulable); with none, it stays Pending with a FailedScheduling event
// and is retried when a Node changes. Upstream binds through pods/binding; the lab writes spec.nodeName directly
// as the binding would. Pods naming another schedulerName are left alone, as kube-scheduler leaves them.
import type { KubeObject } from "../apiserver/types";
import type { Controller, ControllerContext } from "./context";
import { recordEvent } from "./events";
import { asArray, asRecord, keyOf, splitKey } from "./object-util";
import { createWorkQueue } from "./work-queue";

const SCHEDULER = "default-scheduler";

/** Ready (its Ready condition True) and not cordoned: what the scheduler's node filters leave. */
export function isSchedulable(node: KubeObject): boolean {
  const ready = asArray(asRecord(node.status)?.conditions).some((c) => asRecord(c)?.type === "Ready" && asRecord(c)?.status === "True");
  return ready && asRecord(node.spec)?.unschedulable !== true && !node.metadata.deletionTimestamp;
}

export function startScheduler(ctx: ControllerContext): Controller {
  const pods = ctx.informers.for(ctx.kinds.pod);
  const nodes = ctx.informers.for(ctx.kinds.node);
  const queue = createWorkQueue("scheduler", (key) => {
    const { namespace, name } = splitKey(key);
    const pod = pods.get(namespace, name);
    const spec = asRecord(pod?.spec) ?? {};
    if (!pod || pod.metadata.deletionTimestamp || typeof spec.nodeName === "string") return;
    if (spec.schedulerName !== undefined && spec.schedulerName !== SCHEDULER) return;
    const all = nodes.list();
    const node = all.find(isSchedulable);
    if (!node) {
      const message = `0/${all.length} nodes are available: ${all.length} node(s) were unschedulable or not ready.`;
      recordEvent(ctx, pod, { type: "Warning", reason: "FailedScheduling", message, component: SCHEDULER });
      return;
    }
    const nodeName = node.metadata.name ?? "";
    ctx.store.update(ctx.kinds.pod, { ...pod, spec: { ...spec, nodeName } }, { fieldManager: "kube-scheduler" });
    recordEvent(ctx, pod, { reason: "Scheduled", message: `Successfully assigned ${namespace ?? ""}/${name} to ${nodeName}`, component: SCHEDULER });
  });
  const unbound = (pod: KubeObject) => typeof asRecord(pod.spec)?.nodeName !== "string";
  pods.addHandler((event) => {
    if (event.type !== "DELETED" && unbound(event.object)) queue.add(keyOf(event.object));
  });
  // A Node turning schedulable may place the pods left Pending.
  nodes.addHandler((event) => {
    if (event.type === "DELETED" || !isSchedulable(event.object)) return;
    for (const pod of pods.list()) if (unbound(pod)) queue.add(keyOf(pod));
  });
  return { name: "scheduler", idle: queue.idle, stop: queue.stop };
}

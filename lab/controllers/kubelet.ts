// The kubelet of the cluster's single node: pods bound to it go ContainerCreating at once and Running/Ready after
// a configurable delay (a real image pull + start takes seconds; the lab keeps it short but never instant, so
// clients see the Pending → Running transition they must handle). Pod IPs are allocated at start, released at delete.
import type { KubeObject } from "../apiserver/types";
import type { Controller, ControllerContext } from "./context";
import { writeStatus } from "./context";
import { keyOf, nowSeconds, splitKey } from "./object-util";
import { faultedStatus, recoveredStatus, showsFault, type PodFaultMode } from "./pod-faults";
import { podIP, podPhase } from "./pod-status";
import { recordEvent } from "./events";
import { creatingStatus, runningStatus } from "./kubelet-status";
import { registerNode } from "./node-registration";
import { createWorkQueue } from "./work-queue";

const MANAGER = "kubelet";
export const HOST_IP = "172.18.0.2";

/** Pulled, Created, Started for each container, as the kubelet reports a container start. */
function recordContainerStart(ctx: ControllerContext, pod: KubeObject): void {
  const containers = ((pod.spec as { containers?: Array<{ name?: string; image?: string }> }).containers ?? []);
  for (const c of containers) {
    const at = { component: MANAGER, host: ctx.nodeName };
    recordEvent(ctx, pod, { ...at, reason: "Pulled", message: `Container image "${c.image ?? ""}" already present on machine` });
    recordEvent(ctx, pod, { ...at, reason: "Created", message: `Created container ${c.name ?? ""}` });
    recordEvent(ctx, pod, { ...at, reason: "Started", message: `Started container ${c.name ?? ""}` });
  }
}

export interface Kubelet extends Controller {
  /** Injects or clears a fault on one pod; false when there is no such pod on this node. */
  setPodFault(namespace: string, name: string, mode: PodFaultMode): boolean;
}

export function startKubelet(ctx: ControllerContext): Kubelet {
  registerNode(ctx, HOST_IP);
  const pods = ctx.informers.for(ctx.kinds.pod);
  /** When each pod (by uid) may become ready; in memory, as a kubelet's own state would be. */
  const readyAt = new Map<string, number>();
  /** Injected faults by pod uid (see pod-faults.ts). */
  const faults = new Map<string, Exclude<PodFaultMode, "none">>();

  const syncRunning = (pod: KubeObject): void => {
    const mode = faults.get(pod.metadata.uid ?? "") ?? "none";
    if (showsFault(pod, mode)) return;
    const ts = nowSeconds();
    writeStatus(ctx, ctx.kinds.pod, pod, mode === "none" ? recoveredStatus(pod, ts) : faultedStatus(pod, mode, ts), MANAGER);
    if (mode === "fail") {
      recordEvent(ctx, pod, { type: "Warning", reason: "Unhealthy", message: "Readiness probe failed: HTTP probe failed with statuscode: 503", component: MANAGER, host: ctx.nodeName });
    }
  };

  /** A booting cluster's pods have been running for a while: straight to Running, one write. */
  const startBooted = (pod: KubeObject): void => {
    const ts = nowSeconds();
    const started = { ...pod, status: creatingStatus(pod, HOST_IP, ts) };
    writeStatus(ctx, ctx.kinds.pod, pod, runningStatus(started, podIP(pod) ?? ctx.allocators.podIPs.allocate(), ts), MANAGER);
  };

  const startCreating = (pod: KubeObject, key: string): void => {
    // Controllers create pods already bound (one write less per pod); the scheduler reports the ones it binds.
    if (!pod.metadata.managedFields?.some((m) => m.manager === "kube-scheduler")) {
      const message = `Successfully assigned ${pod.metadata.namespace ?? ""}/${pod.metadata.name ?? ""} to ${ctx.nodeName}`;
      recordEvent(ctx, pod, { reason: "Scheduled", message, component: "default-scheduler" });
    }
    writeStatus(ctx, ctx.kinds.pod, pod, creatingStatus(pod, HOST_IP, nowSeconds()), MANAGER);
    readyAt.set(pod.metadata.uid ?? key, Date.now() + ctx.podReadyDelayMs);
    queue.addAfter(key, ctx.podReadyDelayMs);
  };

  const syncPending = (pod: KubeObject, key: string): void => {
    if (!(pod.status as { startTime?: string } | undefined)?.startTime) return ctx.booting ? startBooted(pod) : startCreating(pod, key);
    const due = readyAt.get(pod.metadata.uid ?? key) ?? Date.now();
    if (Date.now() < due) return queue.addAfter(key, due - Date.now());
    const ip = podIP(pod) ?? ctx.allocators.podIPs.allocate();
    writeStatus(ctx, ctx.kinds.pod, pod, runningStatus(pod, ip, nowSeconds()), MANAGER);
    readyAt.delete(pod.metadata.uid ?? key);
    recordContainerStart(ctx, pod);
  };

  const reconcile = (key: string): void => {
    const { namespace, name } = splitKey(key);
    const pod = pods.get(namespace, name);
    if (!pod || pod.metadata.deletionTimestamp || (pod.spec as { nodeName?: string }).nodeName !== ctx.nodeName) return;
    if (podPhase(pod) === "Running") syncRunning(pod);
    else if (podPhase(pod) === "Pending") syncPending(pod, key);
  };

  const queue = createWorkQueue("kubelet", reconcile);
  pods.addHandler((event) => {
    const ip = podIP(event.object);
    if (event.type === "DELETED") {
      if (ip) ctx.allocators.podIPs.release(ip);
      readyAt.delete(event.object.metadata.uid ?? "");
      faults.delete(event.object.metadata.uid ?? "");
      return;
    }
    if (ip) ctx.allocators.podIPs.reserve(ip);
    queue.add(keyOf(event.object));
  });
  const setPodFault = (namespace: string, name: string, mode: PodFaultMode): boolean => {
    const pod = pods.get(namespace, name);
    if (!pod || (pod.spec as { nodeName?: string }).nodeName !== ctx.nodeName) return false;
    if (mode === "none") faults.delete(pod.metadata.uid ?? "");
    else faults.set(pod.metadata.uid ?? "", mode);
    queue.add(keyOf(pod));
    return true;
  };
  return { name: "kubelet", idle: queue.idle, stop: queue.stop, setPodFault };
}

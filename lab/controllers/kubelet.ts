// The kubelet of the cluster's single node: pods bound to it go ContainerCreating at once and Running/Ready after
// a configurable delay (a real image pull + start takes seconds; the lab keeps it short but never instant, so
// clients see the Pending → Running transition they must handle). Pod IPs are allocated at start, released at delete.
// A deleted pod (Terminating) keeps running until its containers have stopped: the kubelet sends SIGTERM, the app
// exits after a short, configurable delay (capped by the grace period), and the kubelet writes the terminal phase
// and removes the pod with grace period 0, as kubelet ≥ 1.27 does.
import { StatusError, type KubeObject } from "../apiserver/types";
import type { Controller, ControllerContext } from "./context";
import { writeStatus } from "./context";
import { keyOf, nowSeconds, splitKey } from "./object-util";
import { faultedStatus, recoveredStatus, showsFault, type PodFaultMode } from "./pod-faults";
import { isPodTerminal, podIP, podPhase } from "./pod-status";
import { recordEvent } from "./events";
import { creatingStatus, runningStatus, terminatedStatus } from "./kubelet-status";
import { registerNode } from "./node-registration";
import { createWorkQueue } from "./work-queue";

const MANAGER = "kubelet";
export const HOST_IP = "172.18.0.2";
/** A real app exits within a second or so of SIGTERM; the lab's apps take this long by default. */
export const DEFAULT_TERMINATION_DELAY_MS = 1000;
/** The kubelet's own delete once the containers are gone (upstream's status manager sends gracePeriodSeconds 0). */
const REMOVE_NOW = { dryRun: false, gracePeriodSeconds: 0 };

function runningContainers(pod: KubeObject): string[] {
  const statuses = ((pod.status as { containerStatuses?: Array<{ name?: string; state?: { running?: unknown } }> } | undefined)?.containerStatuses ?? []);
  return statuses.filter((s) => s.state?.running !== undefined).map((s) => s.name ?? "");
}

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

export interface KubeletOptions {
  /** How long a deleted pod's containers take to stop (default DEFAULT_TERMINATION_DELAY_MS, capped by the grace period). */
  terminationDelayMs?: number;
}

export interface Kubelet extends Controller {
  /** Injects or clears a fault on one pod; false when there is no such pod on this node. */
  setPodFault(namespace: string, name: string, mode: PodFaultMode): boolean;
}

export function startKubelet(ctx: ControllerContext, options: KubeletOptions = {}): Kubelet {
  registerNode(ctx, HOST_IP);
  const terminationDelayMs = options.terminationDelayMs ?? DEFAULT_TERMINATION_DELAY_MS;
  const pods = ctx.informers.for(ctx.kinds.pod);
  /** When each pod (by uid) may become ready; in memory, as a kubelet's own state would be. */
  const readyAt = new Map<string, number>();
  /** Injected faults by pod uid (see pod-faults.ts). */
  const faults = new Map<string, Exclude<PodFaultMode, "none">>();
  /** When the kubelet began stopping each terminating pod (by uid). */
  const stoppingSince = new Map<string, number>();

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
    // A pod created already bound (spec.nodeName set by its author) never met the scheduler: its Scheduled event is
    // written here; the scheduler reports the ones it binds (every ReplicaSet pod).
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

  /** Terminating: SIGTERM at first sight, then after the delay the terminal status and the removal. */
  const syncTerminating = (pod: KubeObject, key: string): void => {
    const uid = pod.metadata.uid ?? key;
    readyAt.delete(uid);
    if (!isPodTerminal(pod)) {
      const running = runningContainers(pod);
      let since = stoppingSince.get(uid);
      if (since === undefined) {
        stoppingSince.set(uid, (since = Date.now()));
        for (const name of running) recordEvent(ctx, pod, { reason: "Killing", message: `Stopping container ${name}`, component: MANAGER, host: ctx.nodeName });
      }
      // A shorter grace period asked for later (a second delete) shortens the wait too.
      const graceMs = (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
      const due = since + (running.length > 0 ? Math.min(terminationDelayMs, graceMs) : 0);
      if (Date.now() < due) return queue.addAfter(key, due - Date.now());
      pod = writeStatus(ctx, ctx.kinds.pod, pod, terminatedStatus(pod, nowSeconds()), MANAGER);
    }
    stoppingSince.delete(uid);
    removePod(pod);
  };

  /** The final delete; a pod already gone (removed by someone else meanwhile) is what was wanted, as upstream. */
  const removePod = (pod: KubeObject): void => {
    try {
      ctx.store.delete(ctx.kinds.pod, pod.metadata.namespace, pod.metadata.name ?? "", REMOVE_NOW);
    } catch (error) {
      if (!(error instanceof StatusError && error.status.code === 404)) throw error;
    }
  };

  const reconcile = (key: string): void => {
    const { namespace, name } = splitKey(key);
    const pod = pods.get(namespace, name);
    if (!pod || (pod.spec as { nodeName?: string }).nodeName !== ctx.nodeName) return;
    if (pod.metadata.deletionTimestamp) return syncTerminating(pod, key);
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
      stoppingSince.delete(event.object.metadata.uid ?? "");
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

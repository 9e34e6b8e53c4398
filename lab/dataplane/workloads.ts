// The pods of one cluster, answering HTTP on their own loopback addresses, from that cluster's store alone: a pod
// whose container runs answers on each of its containerPorts (ready or not: readiness only decides whether
// Endpoints list it; terminating or not: an app keeps serving while it shuts down); it stops answering when its
// container stops (a "stop" pod fault), when its kubelet has terminated it, or when it is deleted.
// Eager mode (the demo) opens each pod's listeners as soon as it runs. Lazy mode (the scale scenario, thousands of
// pods) opens one only when a caller is about to dial it (`ensureListening`), and closes it again once it has had
// no connection and no caller for a while, so only the pods in use cost a socket.
// A pod's answers fail as its faults say: one set through the admin endpoint, or the FailRequests annotation read
// from the pod itself (pod-annotation-fault.ts), which takes effect at the watch event that adds or removes it.
import { createInformer } from "../controllers/informer";
import { keyOf, requireType } from "../controllers/object-util";
import { annotationFault, effectiveFault } from "./pod-annotation-fault";
import { connectionRefused, openPodListener, type PodListener } from "./pod-server";
import { podResponder } from "./pod-response";
import type { ClusterDataPlaneContext, MeshClient, PodTrafficFault, Workloads } from "./types";
import { servedPod, type ServedPod } from "./workload-identity";
import { destinationServiceOf } from "./workload-service";

export interface WorkloadsDeps {
  mesh: () => MeshClient;
  lazy: boolean;
  /** Lazy mode: a listener with no connection and no ensureListening for this long is closed (default 30 s). */
  idleCloseMs?: number;
}

const DEFAULT_IDLE_CLOSE_MS = 30_000;

export function startWorkloads(ctx: ClusterDataPlaneContext, deps: WorkloadsDeps): Workloads {
  const types = ctx.store.types;
  const pods = createInformer(ctx.store, requireType(types, "", "Pod"));
  const services = createInformer(ctx.store, requireType(types, "", "Service"));
  /** Running pods by namespace/name, and which of them holds each address. */
  const served = new Map<string, ServedPod>();
  const byAddress = new Map<string, string>();
  /** Injected faults by namespace/name, for the pod (uid) they were set on: the admin's, and the annotation's. */
  const faults = new Map<string, { uid: string; fault: PodTrafficFault }>();
  const annotated = new Map<string, { uid: string; fault: PodTrafficFault }>();
  /** Open listeners by address:port, and the closes still under way (a new bind there waits for them). */
  const listeners = new Map<string, PodListener>();
  const closing = new Map<string, Promise<void>>();
  /** Lazy mode: when a caller last asked for each listener (it dials right after). */
  const wanted = new Map<string, number>();
  let stopped = false;

  const faultOf = (key: string, uid: string): PodTrafficFault => {
    const ofThisPod = (entry: { uid: string; fault: PodTrafficFault } | undefined) => (entry?.uid === uid ? entry.fault : undefined);
    return effectiveFault(ofThisPod(faults.get(key)), ofThisPod(annotated.get(key)));
  };

  const closeListener = (id: string): void => {
    const listener = listeners.get(id);
    if (!listener) return;
    listeners.delete(id);
    wanted.delete(id);
    const done = listener.close().finally(() => {
      if (closing.get(id) === done) closing.delete(id);
    });
    closing.set(id, done);
  };

  const closePod = (key: string): void => {
    const pod = served.get(key);
    if (!pod) return;
    served.delete(key);
    if (byAddress.get(pod.address) === key) byAddress.delete(pod.address);
    for (const port of pod.ports) closeListener(`${pod.address}:${port}`);
  };

  const open = (key: string, pod: ServedPod, port: number): Promise<void> => {
    const id = `${pod.address}:${port}`;
    const existing = listeners.get(id);
    if (existing?.uid === pod.uid) return existing.listening;
    if (existing) closeListener(id);
    const responder = podResponder({
      cluster: ctx.cluster,
      telemetry: ctx.telemetry,
      mesh: deps.mesh,
      pod: () => (served.get(key)?.uid === pod.uid ? served.get(key) : undefined),
      fault: () => faultOf(key, pod.uid),
      destinationService: (p, host) => destinationServiceOf(p, host, services.list(p.namespace)),
    });
    const listener = openPodListener(pod.address, port, pod.uid, responder, closing.get(id) ?? Promise.resolve());
    listeners.set(id, listener);
    // A bind that fails leaves nothing behind: the next caller tries again.
    listener.listening.catch(() => (listeners.get(id) === listener ? listeners.delete(id) : undefined));
    return listener.listening;
  };

  const openAll = (key: string, pod: ServedPod): void => {
    if (deps.lazy || stopped || faultOf(key, pod.uid).mode === "refuse") return;
    for (const port of pod.ports) {
      open(key, pod, port).catch((error: unknown) => {
        console.error(`lab: ${ctx.cluster} pod ${key} cannot listen on ${pod.address}:${port}: ${(error as Error).message}`);
      });
    }
  };

  const sync = (key: string, next: ServedPod | undefined): void => {
    const previous = served.get(key);
    if (previous && (!next || next.uid !== previous.uid || next.address !== previous.address)) closePod(key);
    if (!next || stopped) return;
    const holder = byAddress.get(next.address);
    if (holder !== undefined && holder !== key) closePod(holder);
    served.set(key, next);
    byAddress.set(next.address, key);
    openAll(key, next);
  };

  const idleCloseMs = deps.idleCloseMs ?? DEFAULT_IDLE_CLOSE_MS;
  const reaper = deps.lazy
    ? setInterval(() => {
        const now = Date.now();
        for (const [id, listener] of listeners) {
          const idle = listener.idleSince();
          if (idle !== undefined && now - Math.max(idle, wanted.get(id) ?? 0) >= idleCloseMs) closeListener(id);
        }
      }, Math.max(10, Math.floor(idleCloseMs / 2)))
    : undefined;
  reaper?.unref();

  pods.addHandler((event) => {
    const key = keyOf(event.object);
    if (event.type === "DELETED") {
      faults.delete(key);
      annotated.delete(key);
      return sync(key, undefined);
    }
    const fault = annotationFault(event.object);
    if (fault) annotated.set(key, { uid: event.object.metadata.uid ?? "", fault });
    else annotated.delete(key);
    sync(key, servedPod(event.object, (ip) => ctx.addresses.podAddress(ctx.clusterIndex, ip)));
  });

  return {
    ensureListening(address, port) {
      const key = byAddress.get(address);
      const pod = key === undefined ? undefined : served.get(key);
      if (stopped || key === undefined || !pod || !pod.ports.includes(port) || faultOf(key, pod.uid).mode === "refuse") {
        return Promise.reject(connectionRefused(address, port));
      }
      wanted.set(`${address}:${port}`, Date.now());
      return open(key, pod, port);
    },
    setFault(namespace, name, fault) {
      const pod = pods.get(namespace, name);
      if (!pod) return false;
      const key = keyOf(pod);
      faults.set(key, { uid: pod.metadata.uid ?? "", fault });
      const running = served.get(key);
      if (running && fault.mode === "refuse") for (const port of running.ports) closeListener(`${running.address}:${port}`);
      else if (running) openAll(key, running);
      return true;
    },
    async stop() {
      stopped = true;
      clearInterval(reaper);
      pods.stop();
      services.stop();
      for (const id of [...listeners.keys()]) closeListener(id);
      await Promise.all([...closing.values()]);
    },
  };
}

// The Endpoints and EndpointSlice content for one Service and its pods, as the endpoints and endpointslice
// controllers compute it: ready pods as addresses, not-ready ones as notReadyAddresses / ready:false, Service
// target ports resolved against each pod's container ports (named target ports included). Terminating pods
// (deleted, still running) leave Endpoints at once, while the EndpointSlice keeps them as `ready: false,
// serving: <Ready condition>, terminating: true` (upstream's ShouldPodBeInEndpoints with includeTerminating false
// for Endpoints, true for slices); `publishNotReadyAddresses` publishes every pod as ready, terminating ones too.
import type { KubeObject } from "../apiserver/types";
import { asArray, asRecord, type JsonRecord } from "./object-util";
import { isPodReady, isPodTerminating, podIP } from "./pod-status";

interface ResolvedPort {
  name?: string;
  port: number;
  protocol: string;
}

function containerPort(pod: KubeObject, name: string): number | undefined {
  for (const c of asArray(asRecord(pod.spec)?.containers)) {
    for (const p of asArray(asRecord(c)?.ports)) {
      const port = asRecord(p);
      if (port?.name === name && typeof port.containerPort === "number") return port.containerPort;
    }
  }
  return undefined;
}

/** The pod's ports for the Service's ports; a named target port the pod lacks drops that port, as upstream. */
export function resolvePorts(svc: KubeObject, pod: KubeObject): ResolvedPort[] {
  const out: ResolvedPort[] = [];
  for (const raw of asArray(asRecord(svc.spec)?.ports)) {
    const sp = asRecord(raw) ?? {};
    const target = sp.targetPort ?? sp.port;
    const port = typeof target === "number" ? target : containerPort(pod, String(target));
    if (port === undefined) continue;
    out.push({ ...(typeof sp.name === "string" && sp.name !== "" ? { name: sp.name } : {}), port, protocol: String(sp.protocol ?? "TCP") });
  }
  return out;
}

function address(pod: KubeObject, ip: string): JsonRecord {
  const spec = asRecord(pod.spec) ?? {};
  return {
    ip,
    ...(typeof spec.nodeName === "string" ? { nodeName: spec.nodeName } : {}),
    targetRef: { kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
  };
}

const byIp = (a: { pod: KubeObject; ip: string }, b: { pod: KubeObject; ip: string }): number => a.ip.localeCompare(b.ip, "en", { numeric: true });

export function withIPs(pods: KubeObject[]): Array<{ pod: KubeObject; ip: string }> {
  return pods.flatMap((pod) => {
    const ip = podIP(pod);
    return ip ? [{ pod, ip }] : [];
  }).sort(byIp);
}

const publishesNotReady = (svc: KubeObject): boolean => asRecord(svc.spec)?.publishNotReadyAddresses === true;

/** core/v1 Endpoints subsets: pods grouped by their resolved port set. */
export function endpointSubsets(svc: KubeObject, pods: KubeObject[]): JsonRecord[] {
  const groups = new Map<string, { ports: ResolvedPort[]; addresses: JsonRecord[]; notReadyAddresses: JsonRecord[] }>();
  const publishAll = publishesNotReady(svc);
  for (const { pod, ip } of withIPs(pods)) {
    if (isPodTerminating(pod) && !publishAll) continue;
    const ports = resolvePorts(svc, pod);
    if (ports.length === 0) continue;
    const key = JSON.stringify(ports);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ports, addresses: [], notReadyAddresses: [] }));
    (publishAll || isPodReady(pod) ? group.addresses : group.notReadyAddresses).push(address(pod, ip));
  }
  return [...groups.values()].map((g) => ({
    ...(g.addresses.length > 0 ? { addresses: g.addresses } : {}),
    ...(g.notReadyAddresses.length > 0 ? { notReadyAddresses: g.notReadyAddresses } : {}),
    ports: g.ports,
  }));
}

/** discovery.k8s.io/v1 EndpointSlice body fields for the Service's pods (ports empty when no pod resolves any). */
export function sliceContent(svc: KubeObject, pods: KubeObject[]): { endpoints: JsonRecord[]; ports: ResolvedPort[] } {
  let ports: ResolvedPort[] = [];
  const publishAll = publishesNotReady(svc);
  const endpoints = withIPs(pods).map(({ pod, ip }) => {
    if (ports.length === 0) ports = resolvePorts(svc, pod);
    const serving = isPodReady(pod);
    const terminating = isPodTerminating(pod);
    // A terminating endpoint is never "ready" (for compatibility), unless the Service publishes not-ready ones.
    const ready = publishAll || (serving && !terminating);
    const spec = asRecord(pod.spec) ?? {};
    return {
      addresses: [ip],
      conditions: { ready, serving, terminating },
      ...(typeof spec.nodeName === "string" ? { nodeName: spec.nodeName } : {}),
      targetRef: { kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
    };
  });
  return { endpoints, ports };
}

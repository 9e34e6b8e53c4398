// Who a pod is, for the data plane: its workload (Istio's `destination_workload`), whether its container runs (it
// answers only then) and which ports it listens on. Pure: reads one Pod object.
import type { KubeObject } from "../apiserver/types";

/** A pod the data plane serves: running, with a lab address, not a gateway (gateways.ts serves those). */
export interface ServedPod {
  uid: string;
  namespace: string;
  name: string;
  /** The loopback address it answers on (address-plan.ts), from status.podIP. */
  address: string;
  /** The TCP containerPorts its containers declare: where its app listens. */
  ports: number[];
  labels: Record<string, string>;
  /** Istio's workload name: the Deployment's name, or the pod's for a bare pod. */
  workload: string;
  /** Deleted and still running: it serves what it gets while its app shuts down. */
  terminating: boolean;
}

const POD_TEMPLATE_HASH = "pod-template-hash";

function labelsOf(pod: KubeObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(pod.metadata.labels ?? {})) if (typeof v === "string") out[k] = v;
  return out;
}

/**
 * Istio's workload name for a pod: a ReplicaSet's pods belong to its Deployment (`<deployment>-<pod-template-hash>`
 * minus the hash); the lab's pods point at their Deployment directly; a pod nobody controls is its own workload.
 */
export function workloadName(pod: KubeObject): string {
  const owner = (pod.metadata.ownerReferences ?? []).find((r) => r.controller === true) ?? pod.metadata.ownerReferences?.[0];
  const ownerName = typeof owner?.name === "string" ? owner.name : undefined;
  if (owner?.kind === "Deployment" && ownerName) return ownerName;
  const hash = pod.metadata.labels?.[POD_TEMPLATE_HASH];
  if (owner?.kind === "ReplicaSet" && ownerName) return hash && ownerName.endsWith(`-${hash}`) ? ownerName.slice(0, -hash.length - 1) : ownerName;
  if (ownerName) return ownerName;
  return pod.metadata.name ?? "";
}

/** Gateway pods (installed from an IngressGateway: `istio: ingressgateway|eastwestgateway`) are gateways.ts's. */
export function isGatewayPod(pod: KubeObject): boolean {
  return /gateway$/.test(pod.metadata.labels?.istio ?? "");
}

export function containerPorts(pod: KubeObject): number[] {
  const containers = ((pod.spec as { containers?: Array<{ ports?: Array<{ containerPort?: unknown; protocol?: unknown }> }> } | undefined)?.containers ?? []);
  const ports = containers.flatMap((c) => (c.ports ?? []).filter((p) => (p.protocol ?? "TCP") === "TCP").map((p) => p.containerPort));
  return [...new Set(ports.filter((p): p is number => typeof p === "number" && Number.isInteger(p) && p > 0 && p < 65536))];
}

/**
 * True while at least one of its containers runs (phase Running, a `running` container state). Readiness does
 * not matter: a pod whose readiness probe fails still answers when dialled directly; only Endpoints drop it.
 */
export function containerRuns(pod: KubeObject): boolean {
  const status = pod.status as { phase?: string; containerStatuses?: Array<{ state?: { running?: unknown } }> } | undefined;
  return status?.phase === "Running" && (status.containerStatuses ?? []).some((s) => s.state?.running !== undefined);
}

/** The pod as the data plane serves it, or undefined when nothing of it answers (not running, no address, a gateway). */
export function servedPod(pod: KubeObject, address: (podIP: string) => string | undefined): ServedPod | undefined {
  if (isGatewayPod(pod) || !containerRuns(pod)) return undefined;
  const podIP = (pod.status as { podIP?: unknown } | undefined)?.podIP;
  const at = typeof podIP === "string" ? address(podIP) : undefined;
  if (!at) return undefined;
  return {
    uid: pod.metadata.uid ?? "",
    namespace: pod.metadata.namespace ?? "",
    name: pod.metadata.name ?? "",
    address: at,
    ports: containerPorts(pod),
    labels: labelsOf(pod),
    workload: workloadName(pod),
    terminating: pod.metadata.deletionTimestamp !== undefined,
  };
}

// What every controller of one cluster shares.
import type { ClusterStore, KubeObject, ResourceType } from "../apiserver/types";
import type { ClusterAllocators } from "./allocators";
import type { InformerFactory } from "./informer";
import type { LoadBalancerAddresses } from "./load-balancer";
import { requireType } from "./object-util";

export interface ControllerOptions {
  /** How long a new pod stays ContainerCreating before it is Running and Ready (default 300 ms). */
  podReadyDelayMs?: number;
  /** How long a deleted pod's containers take to stop after SIGTERM (default 1000 ms, capped by the grace period). */
  podTerminationDelayMs?: number;
  /** A LoadBalancer Service's IPs, (namespace, name) → addresses; the hash of load-balancer.ts when unset. */
  loadBalancerAddresses?: LoadBalancerAddresses;
}

export interface ControllerContext {
  store: ClusterStore;
  informers: InformerFactory;
  allocators: ClusterAllocators;
  /** The one node every pod of this cluster is scheduled to; its kubelet registers it (node-registration.ts). */
  nodeName: string;
  podReadyDelayMs: number;
  loadBalancerAddresses?: LoadBalancerAddresses;
  /**
   * True while the cluster boots from its scenario: the seeded world is one that has been running for a while,
   * so its pods start Running at once (one status write each) instead of going through ContainerCreating.
   */
  booting: boolean;
  kinds: Kinds;
}

export interface Kinds {
  namespace: ResourceType;
  pod: ResourceType;
  service: ResourceType;
  endpoints: ResourceType;
  endpointSlice: ResourceType;
  deployment: ResourceType;
  replicaSet: ResourceType;
  ingressGateway: ResourceType;
  node: ResourceType;
}

export function resolveKinds(store: ClusterStore): Kinds {
  const t = store.types;
  return {
    namespace: requireType(t, "", "Namespace"),
    pod: requireType(t, "", "Pod"),
    service: requireType(t, "", "Service"),
    endpoints: requireType(t, "", "Endpoints"),
    endpointSlice: requireType(t, "discovery.k8s.io", "EndpointSlice"),
    deployment: requireType(t, "apps", "Deployment"),
    replicaSet: requireType(t, "apps", "ReplicaSet"),
    ingressGateway: requireType(t, "install.tetrate.io", "IngressGateway"),
    node: requireType(t, "", "Node"),
  };
}

/** A running controller: level-triggered reconcile loops over a work queue. */
export interface Controller {
  readonly name: string;
  idle(): boolean;
  stop(): void;
}

/** Writes `status` through the status subresource when the kind has one (as upstream controllers must). */
export function writeStatus(ctx: ControllerContext, type: ResourceType, obj: KubeObject, status: unknown, manager: string): KubeObject {
  const next = { ...obj, status };
  const subresource = type.subresources.status ? "status" : undefined;
  return ctx.store.update(type, next, { fieldManager: manager, subresource });
}

// Starts the lab's data plane for every cluster of a lab (startDataPlane): one CA for the whole mesh (one root, as
// Istio multi-primary with a shared root), then each cluster's parts (data-plane-cluster.ts). Everything listens on
// the lab's own claimed /16 of loopback (address-block.ts), which the caller claims before the controllers start,
// since the service controller hands out its load balancer addresses.
import type { ClusterStore } from "../apiserver/types";
import type { AddressBlock } from "./address-block";
import { startClusterDataPlane, type ClusterDataPlane } from "./data-plane-cluster";
import { sendRequests, type RequestsSpec } from "./data-plane-requests";
import { createLabCa } from "./lab-ca";
import type { GatewayTrafficFault, PodTrafficFault, RequestResult } from "./types";

export interface DataPlaneOptions {
  /** The lab's claimed block (released by the caller, after stop()). */
  addresses: AddressBlock;
  /** Pods start listening on first use instead of at once (the scale scenario: no listener per idle pod). */
  lazy: boolean;
  /** Where each cluster's metrics endpoint listens (the lab's host). */
  host: string;
}

export interface DataPlane {
  /** `count` (1..1000) requests sent one after another through `cluster`'s mesh client, from `namespace`. */
  request(cluster: string, spec: RequestsSpec): Promise<RequestResult[]>;
  /** False when the cluster has no such pod. */
  setPodFault(cluster: string, namespace: string, pod: string, fault: PodTrafficFault): boolean;
  /** False when the cluster has no such gateway. */
  setGatewayFault(cluster: string, namespace: string, gateway: string, fault: GatewayTrafficFault): boolean;
  /** Each cluster's Istio metrics endpoint (Prometheus text format). */
  metricsUrls: Record<string, string>;
  stop(): Promise<void>;
}

export type { RequestsSpec } from "./data-plane-requests";

export async function startDataPlane(clusters: Array<{ name: string; store: ClusterStore }>, options: DataPlaneOptions): Promise<DataPlane> {
  const ca = await createLabCa();
  const started: ClusterDataPlane[] = [];
  const stop = async (): Promise<void> => {
    const results = await Promise.allSettled(started.map((c) => c.stop()));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
  };
  try {
    for (const [i, cluster] of clusters.entries()) {
      started.push(await startClusterDataPlane(cluster, i, { addresses: options.addresses, ca, lazy: options.lazy, host: options.host }));
    }
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  const byName = new Map(started.map((c) => [c.name, c]));
  const get = (cluster: string): ClusterDataPlane | undefined => byName.get(cluster);
  return {
    async request(cluster, spec) {
      const c = get(cluster);
      if (!c) throw new Error(`lab: unknown cluster "${cluster}"`);
      return sendRequests(c.client, spec);
    },
    setPodFault: (cluster, namespace, pod, fault) => get(cluster)?.workloads.setFault(namespace, pod, fault) ?? false,
    setGatewayFault: (cluster, namespace, gateway, fault) => get(cluster)?.gateways.setFault(namespace, gateway, fault) ?? false,
    metricsUrls: Object.fromEntries(started.map((c) => [c.name, c.metricsUrl])),
    stop,
  };
}

/** The stand-in of a lab started with `dataPlane: false`: nothing answers, no fault has an object to act on. */
export function absentDataPlane(): DataPlane {
  return {
    request: (cluster) => Promise.reject(new Error(`lab: no data plane runs (the lab was started with dataPlane: false), so nothing can be sent from "${cluster}"`)),
    setPodFault: () => false,
    setGatewayFault: () => false,
    metricsUrls: {},
    stop: async () => undefined,
  };
}

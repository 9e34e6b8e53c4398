// Where a cluster's own workloads stand, as istiod reads it: the cluster's network, a pod's locality and network.
import { type MeshIndex } from "./mesh-index";
import { NETWORK_LABEL, NO_LOCALITY, parseLocality, REGION_LABEL, SUBZONE_LABEL, ZONE_LABEL, type ProxyTopology } from "./locality-priority";
import type { Locality } from "./types";

/** What a resolution needs of its cluster besides the index. */
export interface ClusterPlace {
  cluster: string;
  clusterIndex: number;
  podAddress(clusterIndex: number, podIP: string): string | undefined;
}

/**
 * The cluster's network: the `topology.istio.io/network` label of the istio-system namespace (where Istio's
 * multi-network installs put it), else the cluster's name (the lab gives each cluster its own network, as the
 * demo's three clusters reach each other only through east-west gateways).
 */
export function clusterNetwork(index: MeshIndex, cluster: string): string {
  return index.systemNamespaceLabels[NETWORK_LABEL] || cluster;
}

export function nodeLocality(labels: Record<string, string> | undefined): Locality {
  if (!labels) return NO_LOCALITY;
  return { region: labels[REGION_LABEL] ?? "", zone: labels[ZONE_LABEL] ?? "", subzone: labels[SUBZONE_LABEL] ?? "" };
}

/**
 * A pod's locality as istiod reads it: its `istio-locality` label first (dots for slashes, since a label value
 * cannot hold a slash), else its Node's topology labels (Kubernetes 1.32 does not copy them onto pods).
 */
export function podLocality(index: MeshIndex, podLabels: Record<string, string> | undefined, nodeName: string | undefined): Locality {
  const label = podLabels?.["istio-locality"];
  if (label) return parseLocality(label, label.includes("/") ? "/" : ".");
  return nodeLocality(nodeName === undefined ? undefined : index.nodeLabels.get(nodeName));
}

/**
 * Where this cluster's sidecars stand. A lab cluster has one node (`<cluster>-node-1`) and every pod runs on it,
 * so every proxy of the cluster has that node's locality; resolve() has no source pod to look at.
 */
export function proxyTopology(index: MeshIndex, cluster: string): ProxyTopology {
  let labels = index.nodeLabels.get(`${cluster}-node-1`);
  if (!labels) {
    const first = [...index.nodeLabels.keys()].sort()[0];
    labels = first === undefined ? undefined : index.nodeLabels.get(first);
  }
  return { cluster, network: clusterNetwork(index, cluster), locality: nodeLocality(labels) };
}

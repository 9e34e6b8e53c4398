// The region and zone of a lab cluster's single node, as a cloud provider's node controller labels nodes
// (topology.kubernetes.io/region and /zone): each simulated cluster is its own region with one zone. The labels
// live on the Node only: Kubernetes 1.32 does not copy them onto pods (the PodTopologyLabelsAdmission plugin that
// does is newer), so a consumer that wants a pod's locality — Istio, the console — reads the Node named by
// the pod's spec.nodeName (or the pod's own `istio-locality` label).
export const REGION_LABEL = "topology.kubernetes.io/region";
export const ZONE_LABEL = "topology.kubernetes.io/zone";

export function nodeTopology(cluster: string): Record<string, string> {
  return { [REGION_LABEL]: `lab-${cluster}`, [ZONE_LABEL]: `lab-${cluster}-a` };
}

// The region and zone of a lab cluster's single node, as a cloud provider labels nodes
// (topology.kubernetes.io/region and /zone): each simulated cluster is its own region with one zone.
// Kubernetes copies these node labels onto pods when it binds them (PodTopologyLabelsAdmission, 1.33+); the lab
// does so for the east-west gateway's pods, whose locality consumers of the mesh read.
export const REGION_LABEL = "topology.kubernetes.io/region";
export const ZONE_LABEL = "topology.kubernetes.io/zone";

export function nodeTopology(cluster: string): Record<string, string> {
  return { [REGION_LABEL]: `lab-${cluster}`, [ZONE_LABEL]: `lab-${cluster}-a` };
}

// A cluster's Istio locality (`region/zone/subzone`), for the endpoints and shadow WorkloadEntries generated from
// it (domain.md §2: they carry the source's network and locality). Remote clients reach a source through its
// east-west gateway, so the locality is the gateway pods': Istio's own `istio-locality` pod label when set
// (`region.zone.subzone`, dots because labels cannot hold slashes), else the node's standard topology labels,
// which Kubernetes copies onto pods when they are bound (PodTopologyLabelsAdmission) —
// topology.kubernetes.io/region, topology.kubernetes.io/zone and Istio's topology.istio.io/subzone.
// Gateway replicas in several zones behind one load balancer share only their region: the locality is the
// longest common prefix of the pods' localities (none when they disagree on the region or carry no labels).
import type { GatewayInput } from "@/lib/plan/input";
import type { SnapshotObject } from "./snapshot-like";

export const ISTIO_LOCALITY_LABEL = "istio-locality";
export const REGION_LABEL = "topology.kubernetes.io/region";
export const ZONE_LABEL = "topology.kubernetes.io/zone";
export const SUBZONE_LABEL = "topology.istio.io/subzone";

/** One pod's locality segments ([] when it says nothing). */
export function podLocality(labels: Readonly<Record<string, string>>): string[] {
  const istio = labels[ISTIO_LOCALITY_LABEL];
  const parts = istio ? istio.split(".") : [labels[REGION_LABEL] ?? "", labels[ZONE_LABEL] ?? "", labels[SUBZONE_LABEL] ?? ""];
  const end = parts.findIndex((p) => p === "");
  return end < 0 ? parts : parts.slice(0, end);
}

function commonPrefix(all: string[][]): string[] {
  const [first, ...rest] = all;
  if (!first) return [];
  let n = first.length;
  for (const parts of rest) {
    let i = 0;
    while (i < n && parts[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n);
}

const matches = (selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

/** The locality of a cluster's east-west gateway pods, or undefined when they carry none. */
export function gatewayLocality(gateways: readonly GatewayInput[], pods: readonly SnapshotObject[]): string | undefined {
  const eastWest = gateways.filter((g) => g.ports.some((p) => p.port === 15443));
  const localities: string[][] = [];
  for (const pod of pods) {
    const labels = pod.metadata?.labels ?? {};
    if (eastWest.some((g) => pod.metadata?.namespace === g.namespace && matches(g.podLabels, labels))) localities.push(podLocality(labels));
  }
  const common = commonPrefix(localities);
  return common.length > 0 ? common.join("/") : undefined;
}

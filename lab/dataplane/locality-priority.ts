// Priorities by proximity, as istiod's locality load balancing assigns them to the endpoints it sends a proxy.
//   - Without `failoverPriority`: an endpoint in the proxy's region, zone and subzone is priority 0, same region
//     and zone 1, same region 2, anything else 3 (pilot's LbPriority). The lab puts the network in front (an
//     endpoint on another network is 4 + that), so local pods stay ahead of an entry that only shares a locality
//     string with them but is reached through another network's gateway.
//   - With `failoverPriority: [k1, k2, …]`: priority = n − (how many leading keys have the same value on the proxy
//     and the endpoint), the keys read from the endpoint's labels, in which istiod also sets the topology labels
//     (network, region, zone, subzone, cluster) from what it knows of the endpoint.
// Empty priorities are dropped (Envoy never sees them); order within a priority is the caller's.
import type { Locality, MeshEndpoint } from "./types";

export const NETWORK_LABEL = "topology.istio.io/network";
export const CLUSTER_LABEL = "topology.istio.io/cluster";
export const REGION_LABEL = "topology.kubernetes.io/region";
export const ZONE_LABEL = "topology.kubernetes.io/zone";
export const SUBZONE_LABEL = "topology.istio.io/subzone";

/** Where the proxy that asks stands. */
export interface ProxyTopology {
  cluster: string;
  network: string;
  locality: Locality;
}

export interface Candidate {
  endpoint: MeshEndpoint;
  /** The endpoint's own labels (a pod's, an entry's `labels`); topology labels are added here. */
  labels: Record<string, string>;
}

export const NO_LOCALITY: Locality = { region: "", zone: "", subzone: "" };

/** Istio's `region/zone/subzone` string (the form of a WorkloadEntry's `locality`, and, with dots, `istio-locality`). */
export function parseLocality(text: string | undefined, separator = "/"): Locality {
  const [region = "", zone = "", subzone = ""] = (text ?? "").split(separator);
  return { region, zone, subzone };
}

/** The labels istiod adds to an endpoint for failoverPriority matching. */
export function topologyLabels(network: string, locality: Locality, cluster: string | undefined): Record<string, string> {
  return {
    [NETWORK_LABEL]: network,
    [REGION_LABEL]: locality.region,
    [ZONE_LABEL]: locality.zone,
    [SUBZONE_LABEL]: locality.subzone,
    ...(cluster === undefined ? {} : { [CLUSTER_LABEL]: cluster }),
  };
}

export function localityRank(proxy: Locality, endpoint: Locality): number {
  if (proxy.region !== endpoint.region) return 3;
  if (proxy.zone !== endpoint.zone) return 2;
  return proxy.subzone === endpoint.subzone ? 0 : 1;
}

function failoverRank(keys: string[], proxyLabels: Record<string, string>, labels: Record<string, string>): number {
  let matched = 0;
  for (const key of keys) {
    if (labels[key] === undefined || proxyLabels[key] !== labels[key]) break;
    matched++;
  }
  return keys.length - matched;
}

/** Endpoints grouped into priorities, best first. */
export function groupByProximity(candidates: Candidate[], proxy: ProxyTopology, failoverPriority: string[] = []): MeshEndpoint[][] {
  const proxyLabels = topologyLabels(proxy.network, proxy.locality, proxy.cluster);
  const ranked = new Map<number, MeshEndpoint[]>();
  for (const { endpoint, labels } of candidates) {
    const rank =
      failoverPriority.length > 0
        ? failoverRank(failoverPriority, proxyLabels, { ...labels, ...topologyLabels(endpoint.network, endpoint.locality, undefined) })
        : (endpoint.network === proxy.network ? 0 : 4) + localityRank(proxy.locality, endpoint.locality);
    const group = ranked.get(rank);
    if (group) group.push(endpoint);
    else ranked.set(rank, [endpoint]);
  }
  return [...ranked.entries()].sort(([a], [b]) => a - b).map(([, group]) => group);
}

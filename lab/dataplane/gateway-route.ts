// Where an east-west gateway sends a connection, decided from the SNI alone as Envoy's AUTO_PASSTHROUGH chains
// do: `outbound_.<port>_.<subset>_.<fqdn>` names the cluster, the gateway pod's pushed Gateway config says whether
// it has a chain for that cluster (gateway-admission.ts), and tcp_proxy connects to one of the cluster's endpoints:
// the ready endpoints of local pods only (a gateway forwards into its own network).
//
// With no endpoint the connection is reset rather than answered with an HTTP 503: AUTO_PASSTHROUGH is plain
// tcp_proxy (Envoy never sees HTTP inside the passthrough TLS), so "no healthy upstream" can only be a closed
// connection; the client's sidecar is the one that turns it into a 503 (flag UF/URX) for its application.
//
// Subsets: a chain for `outbound_.<port>_.<subset>_.<fqdn>` exists only for a subset of the DestinationRule that
// applies to the host, and forwards to the endpoints whose pods that subset selects (gateway-subsets.ts).
import { connect, type Socket } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { gatewayAdmits } from "./gateway-admission";
import type { GatewaySources } from "./gateway-sources";
import { subsetEndpoints, subsetLabels } from "./gateway-subsets";
import { parseServiceHost } from "./host-match";
import { parseOutboundSni } from "./sni";
import type { GatewayTrafficFault, MeshEndpoint, MeshView, Workloads } from "./types";

export interface GatewayRouter {
  /** Whether gateway pod `pod` (namespace/name) has a filter chain for this SNI in its last pushed config. */
  admits(sni: string, pod: string | undefined): boolean;
  /**
   * The connected upstream for a connection with this SNI taken by gateway pod `pod` (namespace/name), or
   * undefined when the connection is to be reset. A "latency" fault delays the forwarding by its latencyMs.
   */
  route(sni: string, pod: string | undefined, fault: GatewayTrafficFault): Promise<Socket | undefined>;
}

/** Resolves with the connected socket, or undefined when the connection fails (refused, unreachable). */
function dial(address: string, port: number): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port, allowHalfOpen: true });
    const onError = (): void => {
      socket.destroy();
      resolve(undefined);
    };
    socket.once("error", onError);
    socket.once("connect", () => {
      socket.off("error", onError);
      resolve(socket);
    });
  });
}

export interface GatewayRouterDeps {
  sources: GatewaySources;
  view: MeshView;
  workloads: Workloads;
  /** Where a pod of this cluster answers: `addresses.podAddress(clusterIndex, podIP)`. */
  podAddress(podIP: string): string | undefined;
}

export function createGatewayRouter(deps: GatewayRouterDeps): GatewayRouter {
  // tcp_proxy's default load balancing is round robin, per cluster.
  const turns = new Map<string, number>();
  const pick = (cluster: string, endpoints: MeshEndpoint[]): MeshEndpoint | undefined => {
    const turn = turns.get(cluster) ?? 0;
    turns.set(cluster, turn + 1);
    return endpoints[turn % endpoints.length];
  };

  const admits = (sni: string, pod: string | undefined): boolean => {
    const target = parseOutboundSni(sni);
    if (!target || pod === undefined) return false;
    if (target.subset !== "" && !subsetLabels(deps.sources.rules(), target.fqdn, target.subset)) return false;
    const labels = deps.sources.podLabels(pod);
    return labels !== undefined && gatewayAdmits(deps.sources.gatewayObjects(), labels, target.fqdn);
  };

  /** The cluster's endpoints: the host's ready local pods, only the subset's when the SNI names one. */
  const endpointsOf = (target: { fqdn: string; port: number; subset: string }): MeshEndpoint[] => {
    const all = deps.view.localEndpoints(target.fqdn, target.port);
    if (target.subset === "") return all;
    const labels = subsetLabels(deps.sources.rules(), target.fqdn, target.subset);
    const namespace = parseServiceHost(target.fqdn)?.namespace;
    if (!labels || namespace === undefined) return [];
    return subsetEndpoints(all, deps.sources.pods(namespace), deps.podAddress, labels);
  };

  return {
    admits,
    async route(sni, pod, fault) {
      const target = parseOutboundSni(sni);
      if (!target || !admits(sni, pod)) return undefined;
      if (fault.mode === "latency" && fault.latencyMs > 0) await delay(fault.latencyMs);
      const endpoint = pick(sni, endpointsOf(target));
      if (!endpoint) return undefined;
      try {
        await deps.workloads.ensureListening(endpoint.address, endpoint.port);
      } catch {
        return undefined;
      }
      return dial(endpoint.address, endpoint.port);
    },
  };
}

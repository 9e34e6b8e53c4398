// Where an east-west gateway sends a connection, decided from the SNI alone as Envoy's AUTO_PASSTHROUGH chains
// do: `outbound_.<port>_.<subset>_.<fqdn>` names the cluster, the gateway pod's pushed Gateway config says whether
// it has a chain for that cluster (gateway-admission.ts), and tcp_proxy connects to one of the cluster's endpoints:
// the ready endpoints of local pods only (a gateway forwards into its own network).
//
// With no endpoint the connection is reset rather than answered with an HTTP 503: AUTO_PASSTHROUGH is plain
// tcp_proxy (Envoy never sees HTTP inside the passthrough TLS), so "no healthy upstream" can only be a closed
// connection; the client's sidecar is the one that turns it into a 503 (flag UF/URX) for its application.
//
// Subsets: Envoy has a chain for `outbound_.<port>_.<subset>_.<fqdn>` only for the subsets of a DestinationRule,
// routing to the endpoints whose labels the subset selects. The lab's endpoints (MeshView.localEndpoints) carry no
// labels, so a subset SNI finds no chain here and is reset; the lab's mesh client never sends one (its SNIs come
// from ServiceEntry/WorkloadEntry endpoints, which name no subset).
import { connect, type Socket } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { gatewayAdmits } from "./gateway-admission";
import type { GatewaySources } from "./gateway-sources";
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

export function createGatewayRouter(deps: { sources: GatewaySources; view: MeshView; workloads: Workloads }): GatewayRouter {
  // tcp_proxy's default load balancing is round robin, per cluster.
  const turns = new Map<string, number>();
  const pick = (cluster: string, endpoints: MeshEndpoint[]): MeshEndpoint | undefined => {
    const turn = turns.get(cluster) ?? 0;
    turns.set(cluster, turn + 1);
    return endpoints[turn % endpoints.length];
  };

  const admits = (sni: string, pod: string | undefined): boolean => {
    const target = parseOutboundSni(sni);
    if (!target || target.subset !== "" || pod === undefined) return false;
    const labels = deps.sources.podLabels(pod);
    return labels !== undefined && gatewayAdmits(deps.sources.gatewayObjects(), labels, target.fqdn);
  };

  return {
    admits,
    async route(sni, pod, fault) {
      const target = parseOutboundSni(sni);
      if (!target || !admits(sni, pod)) return undefined;
      if (fault.mode === "latency" && fault.latencyMs > 0) await delay(fault.latencyMs);
      const endpoint = pick(sni, deps.view.localEndpoints(target.fqdn, target.port));
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

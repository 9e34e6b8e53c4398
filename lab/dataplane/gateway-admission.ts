// Whether an east-west gateway pod has a filter chain for a host on 15443: what istiod would push to it from the
// `Gateway` objects (networking.istio.io) of its own cluster.
//
//   - A Gateway applies to a gateway pod when its `selector` labels are a subset of the pod's labels; a Gateway
//     without a selector applies to every gateway (push_context.go). Gateways of every namespace count (istiod's
//     PILOT_SCOPE_GATEWAY_TO_NAMESPACE is off by default).
//   - Servers of all the Gateways that apply are merged per port; on 15443 only a server with
//     `tls.mode: AUTO_PASSTHROUGH` makes the SNI-routed filter chains, one per service hostname its `hosts` admit
//     (gateway-hosts.ts). Any other mode (ISTIO_MUTUAL, PASSTHROUGH without a VirtualService, …) routes nothing
//     for an `outbound_.…` SNI, so the connection finds no filter chain and Envoy closes it.
import type { KubeObject } from "../apiserver/types";
import { asArray, asRecord, stringMap } from "../controllers/object-util";
import { gatewayHostsAdmit } from "./gateway-hosts";

export const EAST_WEST_PORT = 15443;

/** Istio's Gateway.selector: every label must be on the pod; none (or empty) selects every gateway pod. */
export function gatewaySelects(gateway: KubeObject, podLabels: Record<string, string>): boolean {
  return Object.entries(stringMap(asRecord(gateway.spec)?.selector)).every(([k, v]) => podLabels[k] === v);
}

/** The `hosts` of each AUTO_PASSTHROUGH server on `port` of one Gateway. */
export function autoPassthroughHosts(gateway: KubeObject, port = EAST_WEST_PORT): string[][] {
  return asArray(asRecord(gateway.spec)?.servers).flatMap((raw) => {
    const server = asRecord(raw) ?? {};
    if (asRecord(server.port)?.number !== port) return [];
    if (asRecord(server.tls)?.mode !== "AUTO_PASSTHROUGH") return [];
    return [asArray(server.hosts).filter((h): h is string => typeof h === "string")];
  });
}

/** True when some Gateway that applies to a pod with `podLabels` admits `fqdn` on `port` with AUTO_PASSTHROUGH. */
export function gatewayAdmits(gateways: readonly KubeObject[], podLabels: Record<string, string>, fqdn: string, port = EAST_WEST_PORT): boolean {
  return gateways.some(
    (gateway) => gatewaySelects(gateway, podLabels) && autoPassthroughHosts(gateway, port).some((hosts) => gatewayHostsAdmit(hosts, fqdn)),
  );
}

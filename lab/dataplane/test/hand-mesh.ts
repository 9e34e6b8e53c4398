// The seed's steps 1–3 on the demo lab, by hand: an east-west gateway in every cluster, details and reviews
// exposed — AUTO_PASSTHROUGH Gateways in west and east, ServiceEntries in north (both sources' gateways), shadow
// WorkloadEntries in west (east's gateway) and east (west's gateway), and XCP's failover DestinationRules wherever
// a client can fail over. Exactly what the console's registry writes for that setting, minus its names' hashes.
import { seedConsoleGateway } from "../../scenarios/console-gateway";
import { applyObject, gatewayAddresses, storeOf, type StoreLab } from "./lab-store";
import {
  failoverDestinationRule,
  fqdn,
  GATEWAY_NAME,
  GATEWAY_NAMESPACE,
  passthroughGateway,
  remoteServiceEntry,
  shadowWorkloadEntries,
  type GatewaySource,
} from "./mesh-fixtures";

export const DEMO_SOURCES = ["west", "east"] as const;
export const EXPOSED = ["details", "reviews"] as const;

export type GatewayAddresses = Record<string, string[]>;

/**
 * Step 1 and 3: an IngressGateway in every cluster, as the console's deploy dialog applies it (server-side apply
 * under its field manager); resolves with each one's published addresses once it is ready.
 */
export async function installGateways(lab: StoreLab, clusters: readonly string[] = ["west", "east", "north"]): Promise<GatewayAddresses> {
  for (const c of clusters) seedConsoleGateway(storeOf(lab, c), GATEWAY_NAMESPACE, GATEWAY_NAME);
  const entries = await Promise.all(clusters.map(async (c) => [c, await gatewayAddresses(lab, c)] as const));
  return Object.fromEntries(entries);
}

export const sourceOf = (addresses: GatewayAddresses, cluster: string): GatewaySource => ({ cluster, addresses: addresses[cluster] ?? [] });

/** Step 2 by hand: what exposing `services` writes in each demo cluster (north consumes, west and east shadow each other). */
export function exposeByHand(lab: StoreLab, addresses: GatewayAddresses, services: readonly string[] = EXPOSED): void {
  const hosts = services.map((s) => fqdn(s));
  for (const source of DEMO_SOURCES) applyObject(lab, source, passthroughGateway({ hosts }));
  for (const service of services) {
    const host = fqdn(service);
    applyObject(lab, "north", remoteServiceEntry(host, DEMO_SOURCES.map((c) => sourceOf(addresses, c))));
    applyObject(lab, "north", failoverDestinationRule(host, "xcp-multicluster"));
    for (const local of DEMO_SOURCES) {
      const remote = local === "west" ? "east" : "west";
      for (const entry of shadowWorkloadEntries(service, sourceOf(addresses, remote))) applyObject(lab, local, entry);
      applyObject(lab, local, failoverDestinationRule(host, "bookinfo"));
    }
  }
}

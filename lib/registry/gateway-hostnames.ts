// The DNS names the fleet's gateways publish (status.loadBalancer.ingress[].hostname, or a DNS name in the
// cluster-external-addresses annotation): what the server's resolver must look up, since Istio endpoints need
// IPs (domain.md §3.9) and lib/ does no I/O. Stale clusters count too: their last known gateways still feed
// the plan.
import { publishedHostnames } from "@/lib/plan/gateway-addresses";
import { named, toGateway } from "./adapter-services";
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { RegistryMemos } from "./registry-memos";
import { listOf } from "./snapshot-lists";

export function gatewayHostnames(snapshot: Pick<FleetSnapshot, "clusters">, memos?: RegistryMemos): string[] {
  const names = new Set<string>();
  for (const c of snapshot.clusters) {
    const services = listOf(c, "Service", memos);
    for (const gw of listOf(c, "IngressGateway", memos)) {
      const ref = named(gw);
      if (ref) for (const h of publishedHostnames(toGateway(gw, ref, services))) names.add(h);
    }
  }
  return [...names].sort();
}

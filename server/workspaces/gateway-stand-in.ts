// The planner input as it will look once a proposed east-west gateway exists: what the deploy preview plans
// against (the same planner and comparison as the expose preview, consequences.ts).
//
// Why a stand-in address: the planner plans WorkloadEntries and ServiceEntry endpoints only for a serving
// gateway's *published* addresses (lib/plan/gateways.ts → publishedAddresses), and a gateway not yet created
// publishes none — the installer's LoadBalancer Service gets its ingress addresses some time after the apply.
// Planned with no address, a new gateway would change nothing, which is not what the deploy will do. So each
// cluster without the gateway gets the installer's view of it (Deployment pods `app=<name>`, a LoadBalancer
// Service on 15443, lib/registry/adapter-services.ts toGateway) publishing one documentation address
// (RFC 5737, never written anywhere). ServiceEntry names depend only on the service, so those rows are exact;
// shadow WorkloadEntries are one per published address (object-names.ts: `k-<svc>-<hash>`, `-2`, `-3`, …), so
// the rows name the first one and the preview says "once the gateway publishes its addresses".
import { EAST_WEST_PORT } from "@/lib/plan/gateways";
import type { ClusterInput, GatewayInput, PlanInput } from "@/lib/plan/input";

export const STAND_IN_ADDRESS = "192.0.2.1";

export type ProposedGateway = { name: string; namespace: string; clusters: readonly string[] };

export function standInGateway(name: string, namespace: string): GatewayInput {
  return {
    namespace,
    name,
    podLabels: { app: name },
    eastWestOnly: true,
    serviceType: "LoadBalancer",
    ports: [{ name: "tls", port: EAST_WEST_PORT, protocol: "TCP" }],
    addresses: [{ ip: STAND_IN_ADDRESS }],
  };
}

const same = (g: GatewayInput, p: ProposedGateway) => g.namespace === p.namespace && g.name === p.name;

/**
 * `input` with the proposed gateway in each of its clusters, and the clusters where it is a stand-in (`awaiting`:
 * its addresses are not known yet). A cluster already holding a gateway of that name keeps the live one: the
 * apply updates that object, and its Service, with whatever addresses it publishes, is what the registry reads.
 */
export function withProposedGateway(input: PlanInput, proposed: ProposedGateway): { input: PlanInput; awaiting: string[] } {
  const awaiting: string[] = [];
  const clusters = input.clusters.map((c): ClusterInput => {
    if (!proposed.clusters.includes(c.name) || c.gateways.some((g) => same(g, proposed))) return c;
    awaiting.push(c.name);
    return { ...c, gateways: [...c.gateways, standInGateway(proposed.name, proposed.namespace)] };
  });
  return { input: { ...input, clusters }, awaiting };
}

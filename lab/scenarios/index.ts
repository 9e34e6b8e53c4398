// Named scenarios (as Kiali's mock scenarios): each decides the clusters and seeds their stores.
import type { ClusterStore } from "../apiserver/types";
import { DEMO_CLUSTERS, seedDemo } from "./demo";
import { DNS_GATEWAY_HOSTNAME, seedDnsGateway } from "./dns-gateway";
import { scaleClusterNames, seedScale } from "./scale";
import { seedSystem } from "./system";

export type ScenarioName = "demo" | "scale" | "e2e" | "dns-gateway";

export interface ScenarioOptions {
  /** scale: how many clusters (default 20). */
  clusters?: number;
  /** scale: how many services per cluster (default 500). */
  services?: number;
  /** scale: how many workspaces share the namespaces (default 1, `scale-ws`; N > 1: `scale-ws-1`…). */
  workspaces?: number;
  /** scale: an east-west gateway in every cluster, as the console deploys it (default none). */
  gateways?: boolean;
}

export interface Scenario {
  description: string;
  /** Cluster names in order; the first is the management cluster and the kubeconfig's current context. */
  clusterNames(options: ScenarioOptions): string[];
  seed(stores: ClusterStore[], options: ScenarioOptions): void;
}

export const scenarios: Record<ScenarioName, Scenario> = {
  demo: {
    description: "west, east, north; bookinfo in west and east, productpage in north, a sleep client in each; light steady traffic; bookinfo opted in to drills",
    clusterNames: () => [...DEMO_CLUSTERS],
    seed: (stores) => seedDemo(stores, { sleepEverywhere: true, drillsOptIn: true }),
  },
  e2e: {
    // The demo's world without the sleep clients of west and east (the end-to-end specs count what north's and
    // the others' namespaces hold) and without the demo's traffic.
    description: "as demo (sleep in north only, no traffic), for end-to-end tests",
    clusterNames: () => [...DEMO_CLUSTERS],
    seed: (stores) => seedDemo(stores),
  },
  "dns-gateway": {
    description: `as demo with an east-west gateway in each cluster; east's load balancer publishes only the DNS name ${DNS_GATEWAY_HOSTNAME}; details exposed`,
    clusterNames: () => [...DEMO_CLUSTERS],
    seed: (stores) => seedDnsGateway(stores),
  },
  scale: {
    description: "C clusters × S services (25 per namespace), one replica each; W workspaces; optionally a gateway in every cluster",
    clusterNames: (o) => scaleClusterNames(o.clusters ?? 20),
    seed: (stores, o) => seedScale(stores, o.services ?? 500, { workspaces: o.workspaces, gateways: o.gateways }),
  },
};

export function isScenarioName(value: string): value is ScenarioName {
  return Object.hasOwn(scenarios, value);
}

export { seedSystem };

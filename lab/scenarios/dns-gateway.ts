// `dns-gateway`: the demo's clusters and bookinfo, an east-west gateway already installed in each, and east's load
// balancer named by DNS the way AWS names an ELB: its Service's status.loadBalancer.ingress lists only
// `hostname: east-gw.lab.internal`, never an IP. Nothing in the lab answers DNS for that name: whoever plans from
// it (the console's resolver) must look it up, and until it resolves no cluster can be sent to east's gateway.
// The workspace exposes details only, so exposing more is a change with consequences in every cluster.
import type { ClusterStore } from "../apiserver/types";
import { LOAD_BALANCER_HOSTNAME_ANNOTATION } from "../controllers/load-balancer";
import { seedDemoApps } from "./demo";
import { kubectlApply } from "./seed-util";
import { seedWorkspace } from "./tetrate";

export const DNS_GATEWAY_CLUSTER = "east";
export const DNS_GATEWAY_HOSTNAME = "east-gw.lab.internal";

/** The seed's east-west gateway, as `kubectl apply` of an IngressGateway; `hostname`: its LB is named by DNS. */
function eastWestGateway(store: ClusterStore, hostname?: string): void {
  const service = hostname ? { service: { annotations: { [LOAD_BALANCER_HOSTNAME_ANNOTATION]: hostname } } } : {};
  kubectlApply(store, {
    apiVersion: "install.tetrate.io/v1alpha1",
    kind: "IngressGateway",
    metadata: { name: "eastwest-gateway", namespace: "bookinfo" },
    spec: { eastWestOnly: true, ...(hostname ? { kubeSpec: service } : {}) },
  });
}

export function seedDnsGateway(stores: ClusterStore[]): void {
  seedDemoApps(stores);
  for (const store of stores) eastWestGateway(store, store.cluster === DNS_GATEWAY_CLUSTER ? DNS_GATEWAY_HOSTNAME : undefined);
  const management = stores[0];
  if (management) seedWorkspace(management, { name: "bookinfo-ws", namespace: "bookinfo", selector: ["*/bookinfo"], exposedServices: ["details.bookinfo.svc.cluster.local"] });
}

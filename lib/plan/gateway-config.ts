// The Istio Gateway an east-west gateway needs to accept cross-cluster traffic: a TLS server on 15443 in
// AUTO_PASSTHROUGH mode, which routes each mTLS connection by its SNI (outbound_.<port>_._.<fqdn>) to the
// local service without terminating TLS — the sidecars' mTLS stays end to end.
//
// Hosts are the exposed FQDNs this cluster serves, not `*.local`: the gateway then accepts exactly what the
// workspaces expose, so un-exposing a service (§3.5) also closes it at the gateway instead of only hiding it.
// One Gateway per east-west gateway, merging every workspace it serves, so two workspaces sharing a gateway
// never produce two competing 15443 servers.
import { passthroughGatewayName } from "@/lib/names/object-names";
import { buildObject, type Hash } from "./desired";
import { EAST_WEST_PORT, type ServingGateway } from "./gateways";
import { compareStrings, uniqueSorted, type JsonObject } from "./json";
import type { Placed } from "./placed";
import type { WorkspaceModel } from "./workspace-model";

type Accum = { serving: ServingGateway; hosts: string[]; workspaces: string[]; settings: string[] };

export function passthroughSpec(serving: ServingGateway, hosts: string[]): JsonObject {
  return {
    selector: serving.gateway.podLabels,
    servers: [{ port: { number: EAST_WEST_PORT, name: "tls", protocol: "TLS" }, tls: { mode: "AUTO_PASSTHROUGH" }, hosts }],
  };
}

/** Gateways for every source gateway of every workspace: each hosts the FQDNs it is a source of. */
export function gatewayConfigs(models: readonly WorkspaceModel[], hash?: Hash): Placed[] {
  const byGateway = new Map<string, Accum>();
  for (const model of models) {
    // A workspace within one cluster has no remote consumers, so its gateway needs nothing.
    if (model.clusters.length < 2) continue;
    for (const svc of model.services) {
      for (const source of svc.sources) {
        const g = source.gateway;
        const key = `${source.cluster.name}/${g.gateway.namespace}/${g.gateway.name}`;
        const acc = byGateway.get(key) ?? { serving: g, hosts: [], workspaces: [], settings: [] };
        acc.hosts.push(svc.fqdn);
        acc.workspaces.push(model.name);
        acc.settings.push(model.settingRef);
        byGateway.set(key, acc);
      }
    }
  }
  return [...byGateway.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([, acc]) => {
      const hosts = uniqueSorted(acc.hosts);
      const { gateway, cluster } = acc.serving;
      const provenance = { workspaces: acc.workspaces, settings: acc.settings, sourceClusters: [cluster.name], services: hosts };
      const object = buildObject({ kind: "Gateway", name: passthroughGatewayName(gateway.name), namespace: gateway.namespace, provenance, spec: passthroughSpec(acc.serving, hosts) }, hash);
      return { cluster: cluster.name, object };
    });
}

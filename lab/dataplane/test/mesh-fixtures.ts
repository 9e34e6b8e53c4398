// The mesh objects of the seed's steps 1–3, written by hand in the shapes XCP (and the console's registry) writes
// them (domain.md §2), so the data plane's must-hold tests do not depend on the registry to be right (the
// IngressGateways themselves are applied as the console applies them, hand-mesh.ts):
//   - a `Gateway` with a TLS server on 15443 in AUTO_PASSTHROUGH mode admitting the exposed hosts;
//   - a ServiceEntry in `xcp-multicluster` of a cluster without the service, one endpoint per source gateway
//     address with every service port mapped to 15443;
//   - shadow WorkloadEntries in a cluster that runs the service, carrying the local Service's selector labels;
//   - XCP's failover DestinationRule (locality LB on, consecutiveGatewayErrors 10, maxEjectionPercent 100).
// Each builder takes the parts a test breaks on purpose (an address, a port map, labels, a Gateway's hosts/mode).
import type { KubeObject } from "../../apiserver/types";

export const GATEWAY_NAME = "eastwest-gateway";
export const GATEWAY_NAMESPACE = "bookinfo";
export const EAST_WEST_PORT = 15443;
export const TLS_MODE_LABEL = "security.istio.io/tlsMode";

export const fqdn = (service: string, namespace = "bookinfo"): string => `${service}.${namespace}.svc.cluster.local`;
const dashed = (host: string): string => host.replaceAll(".", "-");

/** Where a source cluster's gateway is: its published addresses, its network and locality (as the registry reads them). */
export interface GatewaySource {
  cluster: string;
  addresses: string[];
}

/** The lab's clusters are each their own network and region (lab/controllers/node-topology.ts). */
export const networkOf = (cluster: string): string => cluster;
export const localityOf = (cluster: string): string => `lab-${cluster}/lab-${cluster}-a`;

export interface PassthroughOptions {
  hosts: string[];
  port?: number;
  /** AUTO_PASSTHROUGH is what routes on the outbound SNI; PASSTHROUGH or ISTIO_MUTUAL do not. */
  mode?: string;
}

/** The `Gateway` an east-west gateway needs to accept cross-cluster traffic (lib/plan/gateway-config.ts's shape). */
export function passthroughGateway(options: PassthroughOptions, namespace = GATEWAY_NAMESPACE): KubeObject {
  return {
    apiVersion: "networking.istio.io/v1",
    kind: "Gateway",
    metadata: { name: `${GATEWAY_NAME}-passthrough`, namespace },
    spec: {
      selector: { app: GATEWAY_NAME },
      servers: [{ port: { number: options.port ?? EAST_WEST_PORT, name: "tls", protocol: "TLS" }, tls: { mode: options.mode ?? "AUTO_PASSTHROUGH" }, hosts: options.hosts }],
    },
  };
}

/** What a consumer cluster without the service gets: every source gateway address, port `http` mapped to 15443. */
export function remoteServiceEntry(host: string, sources: GatewaySource[]): KubeObject {
  const endpoints = sources.flatMap((s) =>
    s.addresses.map((address) => ({ address, ports: { http: EAST_WEST_PORT }, network: networkOf(s.cluster), locality: localityOf(s.cluster), labels: { [TLS_MODE_LABEL]: "istio" } })),
  );
  return {
    apiVersion: "networking.istio.io/v1",
    kind: "ServiceEntry",
    metadata: { name: `global-gwinternal-${dashed(host)}`, namespace: "xcp-multicluster" },
    spec: { hosts: [host], location: "MESH_INTERNAL", resolution: "STATIC", exportTo: ["*"], ports: [{ number: 9080, name: "http", protocol: "HTTP" }], endpoints },
  };
}

export interface ShadowOptions {
  /** The Service's selector labels ({app: <service>}) unless a test breaks them. */
  labels?: Record<string, string>;
  /** Istio maps a Service port to a WorkloadEntry port by name: {http: 15443} unless a test breaks it. */
  ports?: Record<string, number>;
}

/** One shadow WorkloadEntry per remote gateway address (`k-<service>-<hash>[-n]`, the hash is only a name here). */
export function shadowWorkloadEntries(service: string, source: GatewaySource, options: ShadowOptions = {}, namespace = "bookinfo"): KubeObject[] {
  const labels = options.labels ?? { app: service };
  return source.addresses.map((address, i) => ({
    apiVersion: "networking.istio.io/v1",
    kind: "WorkloadEntry",
    metadata: { name: `k-${service}-hand-${source.cluster}${i === 0 ? "" : `-${i + 1}`}`, namespace, labels },
    spec: {
      address,
      labels: { ...labels, [TLS_MODE_LABEL]: "istio" },
      ports: options.ports ?? { http: EAST_WEST_PORT },
      network: networkOf(source.cluster),
      locality: localityOf(source.cluster),
    },
  }));
}

/** Outlier detection as a DestinationRule spells it (Istio's API: durations as strings). */
export interface OutlierSpec {
  consecutive5xxErrors?: number;
  consecutiveGatewayErrors?: number;
  interval?: string;
  baseEjectionTime?: string;
  maxEjectionPercent?: number;
}

export const XCP_OUTLIER: OutlierSpec = { consecutiveGatewayErrors: 10, interval: "10s", baseEjectionTime: "30s", maxEjectionPercent: 100 };

/** XCP's failover DestinationRule: locality failover on, same network first, with outlier detection. */
export function failoverDestinationRule(host: string, namespace: string, outlier: OutlierSpec = XCP_OUTLIER): KubeObject {
  return {
    apiVersion: "networking.istio.io/v1",
    kind: "DestinationRule",
    metadata: { name: `global-gwinternal-${dashed(host)}`, namespace },
    spec: {
      host,
      trafficPolicy: {
        loadBalancer: { localityLbSetting: { enabled: true, failoverPriority: ["topology.istio.io/network"] } },
        outlierDetection: outlier,
      },
    },
  };
}

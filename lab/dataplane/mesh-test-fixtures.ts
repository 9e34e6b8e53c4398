// Mesh objects written by hand, as the console's registry (or a person with kubectl) would write them: used by the
// mesh view and mesh client tests. Shapes follow domain.md §2 (shadow WorkloadEntries, xcp-multicluster
// ServiceEntries, XCP's DestinationRule).
import type { ClusterStore, KubeObject } from "../apiserver/types";
import { kubectlApply, namespaceManifest } from "../scenarios/seed-util";

export const BOOKINFO = "bookinfo";

export function applyAll(store: ClusterStore, objects: KubeObject[]): void {
  for (const obj of objects) kubectlApply(store, obj);
}

export function namespaces(...names: string[]): KubeObject[] {
  return names.map((name) => namespaceManifest(name));
}

export function node(name: string, region: string, zone: string): KubeObject {
  return { apiVersion: "v1", kind: "Node", metadata: { name, labels: { "topology.kubernetes.io/region": region, "topology.kubernetes.io/zone": zone } } };
}

export function service(name: string, port = 9080, ns = BOOKINFO): KubeObject {
  return {
    apiVersion: "v1", kind: "Service", metadata: { name, namespace: ns, labels: { app: name } },
    spec: { selector: { app: name }, ports: [{ name: "http", port, targetPort: port, protocol: "TCP" }] },
  };
}

export interface SliceEndpoint {
  ip: string;
  pod: string;
  ready?: boolean;
  nodeName?: string;
}

export function endpointSlice(svc: string, endpoints: SliceEndpoint[], port = 9080, ns = BOOKINFO): KubeObject {
  return {
    apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice",
    metadata: { name: `${svc}-abcde`, namespace: ns, labels: { "kubernetes.io/service-name": svc } },
    addressType: "IPv4",
    ports: [{ name: "http", port, protocol: "TCP" }],
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready ?? true, serving: e.ready ?? true, terminating: false },
      ...(e.nodeName ? { nodeName: e.nodeName } : {}),
      targetRef: { kind: "Pod", namespace: ns, name: e.pod },
    })),
  };
}

export function pod(name: string, labels: Record<string, string>, ns = BOOKINFO): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: ns, labels }, spec: { containers: [{ name: "app", image: "img:1" }] } };
}

export interface EntryOptions {
  address: string;
  network: string;
  locality: string;
  port?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A shadow WorkloadEntry for a remote instance of `svc` (domain.md §2). */
export function workloadEntry(name: string, svc: string, o: EntryOptions, ns = BOOKINFO): KubeObject {
  return {
    apiVersion: "networking.istio.io/v1", kind: "WorkloadEntry",
    metadata: { name, namespace: ns, ...(o.annotations ? { annotations: o.annotations } : {}) },
    spec: { address: o.address, labels: o.labels ?? { app: svc }, ports: { http: o.port ?? 15443 }, network: o.network, locality: o.locality },
  };
}

/** What the registry writes in xcp-multicluster of a cluster without the service. */
export function serviceEntry(fqdn: string, endpoints: EntryOptions[], port = 9080): KubeObject {
  return {
    apiVersion: "networking.istio.io/v1", kind: "ServiceEntry",
    metadata: { name: `global-gwinternal-${fqdn.replaceAll(".", "-")}`, namespace: "xcp-multicluster" },
    spec: {
      hosts: [fqdn], location: "MESH_INTERNAL", resolution: "STATIC", exportTo: ["*"],
      ports: [{ name: "http", number: port, protocol: "HTTP" }],
      endpoints: endpoints.map((e) => ({
        address: e.address, ports: { http: e.port ?? 15443 }, network: e.network, locality: e.locality,
        labels: { "security.istio.io/tlsMode": "istio" },
      })),
    },
  };
}

export function destinationRule(name: string, host: string, outlierDetection: Record<string, unknown>, ns = BOOKINFO): KubeObject {
  return {
    apiVersion: "networking.istio.io/v1", kind: "DestinationRule", metadata: { name, namespace: ns },
    spec: { host, trafficPolicy: { outlierDetection, loadBalancer: { localityLbSetting: { enabled: true } } } },
  };
}

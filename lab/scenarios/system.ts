// What every fresh cluster has before anyone applies anything: the four system namespaces and the `kubernetes`
// Service (10.96.0.1:443, selector-less, its Endpoints and EndpointSlice pointing at the apiserver), written as the
// apiserver's endpoint reconciler does.
import type { ClusterStore, KubeObject } from "../apiserver/types";
import { namespaceManifest } from "./seed-util";

export const SYSTEM_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];
const MANAGER = "kube-apiserver";
const APISERVER_IP = "172.18.0.2";

function createIfMissing(store: ClusterStore, obj: KubeObject): void {
  const group = obj.apiVersion.includes("/") ? (obj.apiVersion.split("/")[0] ?? "") : "";
  const type = store.types.byKind(group, obj.kind);
  if (!type) return;
  if (store.get(type, type.namespaced ? obj.metadata.namespace : undefined, obj.metadata.name ?? "")) return;
  store.create(type, obj, { fieldManager: MANAGER });
}

export function seedSystem(store: ClusterStore): void {
  for (const ns of SYSTEM_NAMESPACES) createIfMissing(store, namespaceManifest(ns));
  const labels = { component: "apiserver", provider: "kubernetes" };
  createIfMissing(store, {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "kubernetes", namespace: "default", labels },
    spec: { type: "ClusterIP", clusterIP: "10.96.0.1", clusterIPs: ["10.96.0.1"], ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }] },
  });
  createIfMissing(store, {
    apiVersion: "v1",
    kind: "Endpoints",
    metadata: { name: "kubernetes", namespace: "default", labels: { "endpointslice.kubernetes.io/skip-mirror": "true" } },
    subsets: [{ addresses: [{ ip: APISERVER_IP }], ports: [{ name: "https", port: 6443, protocol: "TCP" }] }],
  });
  createIfMissing(store, {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: { name: "kubernetes", namespace: "default", labels: { "kubernetes.io/service-name": "kubernetes" } },
    addressType: "IPv4",
    endpoints: [{ addresses: [APISERVER_IP], conditions: { ready: true } }],
    ports: [{ name: "https", port: 6443, protocol: "TCP" }],
  });
}

// What the Tetrate installer (tsb-operator) creates for an install.tetrate.io/v1alpha1 IngressGateway: a
// Deployment and a Service named after the CR, pods labelled app=<name>. With spec.eastWestOnly the Service
// exposes only 15443, the mTLS/SNI passthrough port Istio's east-west gateways use; Istio names that port `tls`
// (samples/multicluster/gen-eastwest-gateway.sh) and the lab follows it. Otherwise the usual ingress ports.
import type { KubeObject } from "../apiserver/types";
import { asArray, asRecord, controllerRef, stringMap, type JsonRecord } from "./object-util";

export const PROXY_IMAGE = "containers.dl.tetrate.io/proxyv2:1.22.3-tetrate1";

function kubeSpec(gw: KubeObject): JsonRecord {
  return asRecord(asRecord(gw.spec)?.kubeSpec) ?? {};
}

export function isEastWestOnly(gw: KubeObject): boolean {
  return asRecord(gw.spec)?.eastWestOnly === true;
}

export function gatewayLabels(gw: KubeObject): Record<string, string> {
  return { app: gw.metadata.name ?? "", istio: isEastWestOnly(gw) ? "eastwestgateway" : "ingressgateway" };
}

export function gatewayPorts(gw: KubeObject): JsonRecord[] {
  const custom = asArray(asRecord(kubeSpec(gw).service)?.ports).map((p) => asRecord(p) ?? {});
  if (custom.length > 0) return custom.map((p) => ({ protocol: "TCP", targetPort: p.port, ...p }));
  const tls = { name: "tls", port: 15443, protocol: "TCP", targetPort: 15443 };
  if (isEastWestOnly(gw)) return [tls];
  return [
    { name: "http2", port: 80, protocol: "TCP", targetPort: 8080 },
    { name: "https", port: 443, protocol: "TCP", targetPort: 8443 },
    tls,
  ];
}

export function gatewayServiceType(gw: KubeObject): string {
  const type = asRecord(kubeSpec(gw).service)?.type;
  return typeof type === "string" && type !== "" ? type : "LoadBalancer";
}

function metadata(gw: KubeObject, extraLabels: Record<string, string>, annotations: Record<string, string>): KubeObject["metadata"] {
  return {
    name: gw.metadata.name,
    namespace: gw.metadata.namespace,
    labels: { ...gatewayLabels(gw), ...extraLabels, "install.operator.istio.io/owning-resource": gw.metadata.name ?? "" },
    ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    ownerReferences: [controllerRef(gw)],
  };
}

/** The pods carry no topology labels: those are the Node's (see node-topology.ts). */
export function gatewayDeployment(gw: KubeObject): KubeObject {
  const dep = asRecord(kubeSpec(gw).deployment) ?? {};
  const replicas = typeof dep.replicaCount === "number" ? dep.replicaCount : 1;
  const labels = gatewayLabels(gw);
  const containerPorts = [
    { containerPort: 15021, name: "status-port", protocol: "TCP" },
    { containerPort: 15090, name: "http-envoy-prom", protocol: "TCP" },
    ...gatewayPorts(gw).map((p) => ({ containerPort: Number(p.targetPort ?? p.port), name: String(p.name ?? ""), protocol: "TCP" })),
  ];
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: metadata(gw, {}, {}),
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels: { ...labels, "sidecar.istio.io/inject": "false", "service.istio.io/canonical-name": gw.metadata.name ?? "" } },
        spec: {
          serviceAccountName: `${gw.metadata.name ?? ""}-service-account`,
          containers: [{ name: "istio-proxy", image: PROXY_IMAGE, args: ["proxy", "router", "--domain", "$(POD_NAMESPACE).svc.cluster.local"], ports: containerPorts }],
        },
      },
    },
  };
}

export function gatewayService(gw: KubeObject): KubeObject {
  const svc = asRecord(kubeSpec(gw).service) ?? {};
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: metadata(gw, stringMap(svc.labels), stringMap(svc.annotations)),
    spec: { type: gatewayServiceType(gw), selector: gatewayLabels(gw), ports: gatewayPorts(gw) },
  };
}

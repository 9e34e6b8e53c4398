import { describe, expect, it } from "vitest";
import type { KubeObject } from "../apiserver/types";
import { ingressAddresses, isGatewayService, readyPodsOf } from "./gateway-sources";

const owner = { apiVersion: "install.tetrate.io/v1alpha1", kind: "IngressGateway", name: "eastwest-gateway", uid: "u", controller: true };

function service(spec: Record<string, unknown>, ownerReferences: Array<Record<string, unknown>> = [owner], status: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: "v1", kind: "Service", metadata: { name: "eastwest-gateway", namespace: "bookinfo", ownerReferences }, spec, status };
}
const lb = { type: "LoadBalancer", ports: [{ name: "tls", port: 15443 }] };

describe("isGatewayService", () => {
  it.each<[string, KubeObject, boolean]>([
    ["an installed east-west gateway", service(lb), true],
    ["with the ingress ports too", service({ ...lb, ports: [{ port: 80 }, { port: 443 }, { port: 15443 }] }), true],
    ["a ClusterIP Service", service({ ...lb, type: "ClusterIP" }), false],
    ["no 15443", service({ ...lb, ports: [{ port: 443 }] }), false],
    ["not made by the installer", service(lb, []), false],
    ["owned but not controlled", service(lb, [{ ...owner, controller: false }]), false],
    ["owned by a Deployment", service(lb, [{ ...owner, kind: "Deployment" }]), false],
  ])("%s → %s", (_, svc, expected) => {
    expect(isGatewayService(svc)).toBe(expected);
  });
});

describe("ingressAddresses", () => {
  const withIngress = (ingress: unknown[]): KubeObject => service(lb, [owner], { loadBalancer: { ingress } });
  const byName = (): string[] => ["127.9.0.1", "127.9.0.2", "127.9.0.3"];
  it.each<[string, KubeObject, string[]]>([
    ["IPs", withIngress([{ ip: "127.9.0.4", ipMode: "VIP" }, { ip: "127.9.0.5" }]), ["127.9.0.4", "127.9.0.5"]],
    ["a DNS name only: the addresses it resolves to", withIngress([{ hostname: "east-gw.lab.internal" }]), byName()],
    ["an IP beside a name", withIngress([{ hostname: "x" }, { ip: "127.9.0.4" }]), ["127.9.0.4"]],
    ["nothing published yet", service(lb), []],
    ["an empty entry", withIngress([{}]), []],
  ])("%s", (_, svc, expected) => {
    expect(ingressAddresses(svc, byName)).toEqual(expected);
  });
});

describe("readyPodsOf", () => {
  const slice = (endpoints: unknown[]): KubeObject => ({ apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", metadata: { name: "s", namespace: "bookinfo" }, endpoints });
  const ep = (name: string, conditions?: Record<string, boolean>, kind = "Pod"): Record<string, unknown> => ({ addresses: ["10.244.0.1"], conditions, targetRef: { kind, name, namespace: "bookinfo" } });
  it("keeps ready endpoints (an absent ready counts as ready), of pods only", () => {
    const slices = [slice([ep("a", { ready: true }), ep("b", { ready: false, terminating: true }), ep("c"), ep("d", { ready: true }, "Node")]), slice([ep("e", { ready: true })])];
    expect(readyPodsOf(slices)).toEqual(["bookinfo/a", "bookinfo/c", "bookinfo/e"]);
  });
});

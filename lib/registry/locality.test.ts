import { describe, expect, it } from "vitest";
import { parsePlanInput } from "@/lib/plan/input";
import { plan } from "@/lib/plan/plan";
import { gatewayLocality, nodeLabels, nodeLocality, podLocality } from "./locality";
import { toPlanInput } from "./plan-input-adapter";
import { clusterOfKinds, type LooseObject } from "@/lib/fleet/snapshot-fixtures";
import type { ClusterSnapshot, FleetKind } from "@/lib/fleet/snapshot-types";
import type { SnapshotObject } from "./raw-object";

const topology = (region?: string, zone?: string, subzone?: string) => ({
  ...(region ? { "topology.kubernetes.io/region": region } : {}),
  ...(zone ? { "topology.kubernetes.io/zone": zone } : {}),
  ...(subzone ? { "topology.istio.io/subzone": subzone } : {}),
});
const node = (name: string, labels: Record<string, string>): SnapshotObject => ({ metadata: { name, labels } });
let serial = 0;
const pod = (nodeName: string | undefined, labels: Record<string, string> = {}, namespace = "bookinfo"): SnapshotObject => ({
  metadata: { name: `eastwest-gateway-${++serial}`, namespace, labels: { app: "eastwest-gateway", ...labels } },
  spec: nodeName ? { nodeName, containers: [] } : { containers: [] },
});
const gw = { namespace: "bookinfo", name: "eastwest-gateway", podLabels: { app: "eastwest-gateway" }, eastWestOnly: true, serviceType: "LoadBalancer", ports: [{ name: "tls", port: 15443, protocol: "TCP" }], addresses: [] };

const NODES = [
  node("a1", topology("us-west1", "us-west1-a")),
  node("a2", topology("us-west1", "us-west1-a", "rack-7")),
  node("b1", topology("us-west1", "us-west1-b")),
  node("eu", topology("eu-west1", "eu-west1-a")),
  node("bare", {}),
];

describe("nodeLocality", () => {
  it.each([
    [topology("us-west1", "us-west1-a"), ["us-west1", "us-west1-a"]],
    [topology("us-west1", "us-west1-a", "rack-7"), ["us-west1", "us-west1-a", "rack-7"]],
    [topology("us-west1"), ["us-west1"]],
    // A zone without a region says nothing Istio can use.
    [topology(undefined, "us-west1-a"), []],
    // The deprecated beta labels, which Istio still falls back to.
    [{ "failure-domain.beta.kubernetes.io/region": "us-east1", "failure-domain.beta.kubernetes.io/zone": "us-east1-c" }, ["us-east1", "us-east1-c"]],
    [{ ...topology("us-west1", "us-west1-a"), "failure-domain.beta.kubernetes.io/region": "old" }, ["us-west1", "us-west1-a"]],
    [{}, []],
  ])("%j → %j", (labels, expected) => {
    expect(nodeLocality(labels)).toEqual(expected);
  });
});

describe("podLocality", () => {
  const nodes = nodeLabels(NODES);
  it.each([
    ["its Node's topology labels", pod("a2"), { kind: "serving", segments: ["us-west1", "us-west1-a", "rack-7"] }],
    ["a Node without topology labels", pod("bare"), { kind: "serving", segments: [] }],
    ["istio-locality wins over the Node", pod("a1", { "istio-locality": "eu.eu-1.r1" }), { kind: "serving", segments: ["eu", "eu-1", "r1"] }],
    ["istio-locality needs no Node", pod(undefined, { "istio-locality": "eu.eu-1" }), { kind: "serving", segments: ["eu", "eu-1"] }],
    // Kubernetes 1.32 does not put these on pods; Istio does not read them there either.
    ["the pod's own topology labels are ignored", pod("bare", topology("us-east4", "us-east4-a")), { kind: "serving", segments: [] }],
    ["a Node not seen yet", pod("new-node"), { kind: "unknown", node: "new-node" }],
    ["not bound to a Node yet", pod(undefined, topology("us-east4", "us-east4-a")), { kind: "unscheduled" }],
  ])("%s", (_, p, expected) => {
    expect(podLocality(p, nodes)).toEqual(expected);
  });
});

describe("gatewayLocality", () => {
  it.each([
    ["one pod", [pod("a1")], NODES, "us-west1/us-west1-a"],
    ["with a subzone", [pod("a2")], NODES, "us-west1/us-west1-a/rack-7"],
    ["replicas in two zones share the region", [pod("a1"), pod("b1")], NODES, "us-west1"],
    ["replicas in two regions share nothing", [pod("a1"), pod("eu")], NODES, undefined],
    ["a Node without labels", [pod("bare")], NODES, undefined],
    ["no Nodes seen yet: unknown, whatever the pod's own labels", [pod("a1", topology("us-west1", "us-west1-a"))], [], undefined],
    ["one replica on a Node not seen: unknown, no guess from the others", [pod("a1"), pod("a1"), pod("gone")], NODES, undefined],
    ["a replica not scheduled yet serves nothing and does not count", [pod("a1"), pod(undefined)], NODES, "us-west1/us-west1-a"],
    ["istio-locality on the pod", [pod("gone", { "istio-locality": "eu.eu-1" })], NODES, "eu/eu-1"],
    ["other pods do not count", [pod("eu", {}, "other"), { metadata: { name: "x", namespace: "bookinfo", labels: { app: "details" } }, spec: { nodeName: "gone" } }], NODES, undefined],
    ["no pods", [], NODES, undefined],
  ])("%s", (_, pods, nodes, expected) => {
    expect(gatewayLocality([gw], pods, nodes)).toBe(expected);
  });

  it("ignores gateways that are not east-west (no 15443)", () => {
    expect(gatewayLocality([{ ...gw, ports: [{ name: "http", port: 80, protocol: "TCP" }] }], [pod("a1")], NODES)).toBeUndefined();
  });
});

describe("locality in the plan", () => {
  const cluster = (name: string, region: string, nodes: SnapshotObject[] = [node(`${name}-node`, topology(region, `${region}-a`))], extra: Partial<Record<FleetKind, readonly LooseObject[]>> = {}) =>
    clusterOfKinds(name, {
      Namespace: [{ metadata: { name: "bookinfo" } }, { metadata: { name: "xcp-multicluster" } }],
      Service: [
        { metadata: { name: "details", namespace: "bookinfo" }, spec: { selector: { app: "details" }, ports: [{ name: "http", port: 9080 }] } },
        { metadata: { name: "eastwest-gateway", namespace: "bookinfo" }, spec: { type: "LoadBalancer", selector: { app: "eastwest-gateway" }, ports: [{ name: "tls", port: 15443 }] }, status: { loadBalancer: { ingress: [{ ip: `10.0.${region.length}.1` }] } } },
      ],
      IngressGateway: [{ metadata: { name: "eastwest-gateway", namespace: "bookinfo" }, spec: { eastWestOnly: true } }],
      Pod: [pod(`${name}-node`)],
      Node: nodes,
      ...extra,
    });
  const westWithWorkspace = (region: string) =>
    cluster("west", region, undefined, {
      Workspace: [{ metadata: { name: "ws", namespace: "bookinfo" }, spec: { namespaceSelector: { names: ["*/bookinfo"] } } }],
      WorkspaceSetting: [{ metadata: { name: "s", namespace: "bookinfo" }, spec: { workspace: "ws", defaultEastWestGatewaySettings: { workloadSelector: { app: "eastwest-gateway" } } } }],
    });
  const shadowLocalities = (clusters: ClusterSnapshot[]) => {
    const adapted = toPlanInput({ clusters }, { managementCluster: "west" });
    const parsed = parsePlanInput(adapted.input);
    if (!parsed.ok) throw new Error(parsed.problems.join("; "));
    return { clusters: adapted.input.clusters.map((c) => c.locality), shadows: (plan(parsed.input).clusters.west ?? []).filter((o) => o.kind === "WorkloadEntry").map((o) => o.spec.locality) };
  };

  it("gives the source's locality, from its gateway pod's Node, to the shadow WorkloadEntries built from it", () => {
    expect(shadowLocalities([westWithWorkspace("us-west1"), cluster("east", "us-east4")])).toEqual({
      clusters: ["us-west1/us-west1-a", "us-east4/us-east4-a"],
      shadows: ["us-east4/us-east4-a"],
    });
  });

  it("writes no locality while the source's gateway Node has not been seen", () => {
    expect(shadowLocalities([westWithWorkspace("us-west1"), cluster("east", "us-east4", [])])).toEqual({
      clusters: ["us-west1/us-west1-a", undefined],
      shadows: [undefined],
    });
  });
});

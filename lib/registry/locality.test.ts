import { describe, expect, it } from "vitest";
import { parsePlanInput } from "@/lib/plan/input";
import { plan } from "@/lib/plan/plan";
import { gatewayLocality, podLocality } from "./locality";
import { toPlanInput } from "./plan-input-adapter";
import type { SnapshotCluster, SnapshotObject } from "./snapshot-like";

const topology = (region?: string, zone?: string, subzone?: string) => ({
  ...(region ? { "topology.kubernetes.io/region": region } : {}),
  ...(zone ? { "topology.kubernetes.io/zone": zone } : {}),
  ...(subzone ? { "topology.istio.io/subzone": subzone } : {}),
});
const pod = (labels: Record<string, string>, namespace = "bookinfo"): SnapshotObject => ({ metadata: { name: `p-${Math.random()}`, namespace, labels: { app: "eastwest-gateway", ...labels } } });
const gw = { namespace: "bookinfo", name: "eastwest-gateway", podLabels: { app: "eastwest-gateway" }, eastWestOnly: true, serviceType: "LoadBalancer", ports: [{ name: "tls", port: 15443, protocol: "TCP" }], addresses: [] };

describe("podLocality", () => {
  it.each([
    [topology("us-west1", "us-west1-a"), ["us-west1", "us-west1-a"]],
    [topology("us-west1", "us-west1-a", "rack-7"), ["us-west1", "us-west1-a", "rack-7"]],
    [topology("us-west1"), ["us-west1"]],
    // A zone without a region says nothing Istio can use.
    [topology(undefined, "us-west1-a"), []],
    [{ "istio-locality": "eu.eu-1.r1", ...topology("us-west1", "us-west1-a") }, ["eu", "eu-1", "r1"]],
    [{}, []],
  ])("%j → %j", (labels, expected) => {
    expect(podLocality(labels)).toEqual(expected);
  });
});

describe("gatewayLocality", () => {
  it.each([
    ["one pod", [pod(topology("us-west1", "us-west1-a"))], "us-west1/us-west1-a"],
    ["replicas in two zones share the region", [pod(topology("us-west1", "us-west1-a")), pod(topology("us-west1", "us-west1-b"))], "us-west1"],
    ["replicas in two regions share nothing", [pod(topology("us-west1", "a")), pod(topology("eu-west1", "a"))], undefined],
    ["pods without labels", [pod({})], undefined],
    ["other pods do not count", [pod(topology("eu", "eu-1"), "other"), { metadata: { name: "x", namespace: "bookinfo", labels: { app: "details", ...topology("eu", "eu-1") } } }], undefined],
    ["no pods", [], undefined],
  ])("%s", (_, pods, expected) => {
    expect(gatewayLocality([gw], pods)).toBe(expected);
  });

  it("ignores gateways that are not east-west (no 15443)", () => {
    expect(gatewayLocality([{ ...gw, ports: [{ name: "http", port: 80, protocol: "TCP" }] }], [pod(topology("us", "us-1"))])).toBeUndefined();
  });
});

describe("locality in the plan", () => {
  const cluster = (name: string, region: string): SnapshotCluster => ({
    name,
    stale: false,
    objects: {
      Namespace: [{ metadata: { name: "bookinfo" } }, { metadata: { name: "xcp-multicluster" } }],
      Service: [
        { metadata: { name: "details", namespace: "bookinfo" }, spec: { selector: { app: "details" }, ports: [{ name: "http", port: 9080 }] } },
        { metadata: { name: "eastwest-gateway", namespace: "bookinfo" }, spec: { type: "LoadBalancer", selector: { app: "eastwest-gateway" }, ports: [{ name: "tls", port: 15443 }] }, status: { loadBalancer: { ingress: [{ ip: `10.0.${region.length}.1` }] } } },
      ],
      IngressGateway: [{ metadata: { name: "eastwest-gateway", namespace: "bookinfo" }, spec: { eastWestOnly: true } }],
      Pod: [pod(topology(region, `${region}-a`))],
    },
  });

  it("gives the source's locality to the shadow WorkloadEntries built from it", () => {
    const west = cluster("west", "us-west1");
    west.objects.Workspace = [{ metadata: { name: "ws", namespace: "bookinfo" }, spec: { namespaceSelector: { names: ["*/bookinfo"] } } }];
    west.objects.WorkspaceSetting = [{ metadata: { name: "s", namespace: "bookinfo" }, spec: { workspace: "ws", defaultEastWestGatewaySettings: { workloadSelector: { app: "eastwest-gateway" } } } }];
    const adapted = toPlanInput({ clusters: [west, cluster("east", "us-east4")] }, { managementCluster: "west" });
    expect(adapted.input.clusters.map((c) => c.locality)).toEqual(["us-west1/us-west1-a", "us-east4/us-east4-a"]);
    const parsed = parsePlanInput(adapted.input);
    if (!parsed.ok) throw new Error(parsed.problems.join("; "));
    const shadows = (plan(parsed.input).clusters.west ?? []).filter((o) => o.kind === "WorkloadEntry");
    expect(shadows.map((o) => o.spec.locality)).toEqual(["us-east4/us-east4-a"]);
  });
});

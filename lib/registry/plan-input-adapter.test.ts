import { describe, expect, it } from "vitest";
import { parsePlanInput } from "@/lib/plan/input";
import { plan } from "@/lib/plan/plan";
import { toPlanInput } from "./plan-input-adapter";
import { clusterOfKinds, fleetOf, type LooseObject } from "@/lib/fleet/snapshot-fixtures";
import type { FleetKind } from "@/lib/fleet/snapshot-types";
import type { SnapshotObject } from "./raw-object";

const ns = (name: string, labels: Record<string, string> = {}): SnapshotObject => ({ metadata: { name, labels } });
const svc = (name: string, namespace = "bookinfo"): SnapshotObject => ({
  metadata: { name, namespace, labels: { app: name } },
  spec: { selector: { app: name }, ports: [{ name: "http", port: 9080, protocol: "TCP", targetPort: 9080 }] },
});
const gwService = (ips: string[], annotations: Record<string, string> = {}): SnapshotObject => ({
  metadata: { name: "eastwest-gateway", namespace: "bookinfo", annotations },
  spec: { type: "LoadBalancer", selector: { app: "eastwest-gateway", istio: "eastwestgateway" }, ports: [{ name: "tls", port: 15443, protocol: "TCP" }] },
  status: { loadBalancer: { ingress: ips.map((ip) => ({ ip })) } },
});
const igw: SnapshotObject = { metadata: { name: "eastwest-gateway", namespace: "bookinfo" }, spec: { eastWestOnly: true } };
const workspace: SnapshotObject = { metadata: { name: "bookinfo-ws", namespace: "bookinfo" }, spec: { namespaceSelector: { names: ["*/bookinfo"] } } };
const setting = (name: string, exposed: unknown): SnapshotObject => ({
  metadata: { name, namespace: "bookinfo" },
  spec: { workspace: "bookinfo-ws", defaultEastWestGatewaySettings: { workloadSelector: { app: "eastwest-gateway" }, exposedServices: exposed } },
});

type ByKind = Partial<Record<FleetKind, readonly LooseObject[]>>;

function cluster(name: string, services: string[], ips: string[], extra: ByKind = {}) {
  return clusterOfKinds(name, {
    Namespace: [ns("bookinfo"), ns("xcp-multicluster")],
    Service: [...services.map((s) => svc(s)), ...(ips.length > 0 ? [gwService(ips)] : [])],
    IngressGateway: ips.length > 0 ? [igw] : [],
    ...extra,
  });
}

const DETAILS = "details.bookinfo.svc.cluster.local";
const seed = (exposed: unknown, westExtra: ByKind = {}) =>
  fleetOf([
    cluster("west", ["details", "reviews"], ["127.1.0.1", "127.1.0.2"], { Workspace: [workspace], WorkspaceSetting: [setting("s", exposed)], ...westExtra }),
    cluster("east", ["details", "reviews"], ["127.2.0.1"]),
    cluster("north", ["productpage"], []),
  ]);

describe("toPlanInput", () => {
  it("pairs each IngressGateway with its Service and yields valid planner input", () => {
    const { input, conditions, configStale } = toPlanInput(seed([DETAILS]), { managementCluster: "west", allowLoopbackGatewayAddresses: true });
    expect(parsePlanInput(input).ok).toBe(true);
    expect(input.allowLoopbackGatewayAddresses).toBe(true);
    expect(conditions).toEqual([]);
    expect(configStale).toBe(false);
    const gw = input.clusters[0]?.gateways[0];
    expect(gw).toMatchObject({ eastWestOnly: true, serviceType: "LoadBalancer", podLabels: { app: "eastwest-gateway", istio: "eastwestgateway" }, addresses: [{ ip: "127.1.0.1" }, { ip: "127.1.0.2" }] });
    expect(input.clusters.map((c) => c.network)).toEqual(["west", "east", "north"]);
    const result = plan(input);
    expect((result.clusters.north ?? []).map((o) => `${o.kind} ${o.metadata.name}`)).toContain("ServiceEntry global-gwinternal-details-bookinfo-svc-cluster-local");
  });

  it("passes the loopback setting on only when it is set: without it the seed's 127.x gateways publish nothing", () => {
    const { input } = toPlanInput(seed([DETAILS]), { managementCluster: "west" });
    expect(input.allowLoopbackGatewayAddresses).toBeUndefined();
    const result = plan(input);
    expect(Object.values(result.clusters).flat().filter((o) => o.kind === "WorkloadEntry" || o.kind === "ServiceEntry")).toEqual([]);
    expect(result.conditions.filter((c) => c.reason === "RejectedGatewayAddress").map((c) => c.cluster)).toEqual(["east", "west", "west"]);
  });

  it.each([
    ["exposedServices not a list", seed("details"), ["InvalidSnapshotObject"]],
    ["exposedServices with a number", seed([DETAILS, 7]), ["InvalidSnapshotObject"]],
    ["two settings for one workspace", seed([DETAILS], { WorkspaceSetting: [setting("a", [DETAILS]), setting("b", [])] }), ["SeveralWorkspaceSettings"]],
    ["a setting without workspace", seed([DETAILS], { WorkspaceSetting: [{ metadata: { name: "x", namespace: "bookinfo" }, spec: {} }] }), ["SettingWithoutWorkspace"]],
    ["an unnamed Service", seed([DETAILS], { Service: [{ spec: {} }] }), ["InvalidSnapshotObject"]],
  ])("%s → a condition, never a throw", (_name, snapshot, reasons) => {
    const { input, conditions } = toPlanInput(snapshot, { managementCluster: "west" });
    expect(conditions.map((c) => c.reason)).toEqual(reasons);
    expect(parsePlanInput(input).ok).toBe(true);
  });

  it.each([
    ["management stale", "west", true],
    ["another cluster stale", "east", false],
  ])("%s → configStale %s", (_name, staleCluster, expected) => {
    const snapshot = seed([DETAILS]);
    const clusters = snapshot.clusters.map((c) => (c.name === staleCluster ? { ...c, state: "stale" as const } : c));
    const adapted = toPlanInput({ clusters }, { managementCluster: "west" });
    expect(adapted.configStale).toBe(expected);
    expect(adapted.input.clusters.find((c) => c.name === staleCluster)?.stale).toBe(true);
  });

  it("takes the network from istio-system's topology.istio.io/network label, the annotation's addresses verbatim", () => {
    const c = cluster("east", [], ["127.2.0.1"], {
      Namespace: [ns("istio-system", { "topology.istio.io/network": "net-e" })],
      Service: [gwService(["127.2.0.1"], { "xcp.tetrate.io/cluster-external-addresses": "10.0.0.1,10.0.0.2" })],
    });
    const { input } = toPlanInput({ clusters: [c] });
    expect(input.clusters[0]?.network).toBe("net-e");
    expect(input.clusters[0]?.gateways[0]?.externalAddressesAnnotation).toBe("10.0.0.1,10.0.0.2");
  });
});

import { describe, expect, it } from "vitest";
import { shadowHash } from "@/lib/names/object-names";
import type { PlanInput } from "./input";
import { plan } from "./plan";
import { DETAILS, eastWestGateway, listing, REVIEWS, seedInput, service, withCluster, workspace } from "./test-fixtures";

const ELB = "k8s-bookinfo-eastwest-00a17af379-bdda7f4eb8c5da5c.elb.eu-west-2.amazonaws.com";
const SEED_IPS = ["18.135.167.198", "18.168.99.230", "35.179.51.164"];
const elbEast = (resolved?: Record<string, string[]>): PlanInput => ({
  ...withCluster(seedInput({ exposed: [DETAILS] }), "east", (c) => (c.gateways = [eastWestGateway([], { addresses: [{ hostname: ELB }] })])),
  ...(resolved ? { resolvedHostnames: resolved } : {}),
});
const endpointsOf = (input: PlanInput) => {
  const se = plan(input).clusters.north?.find((o) => o.kind === "ServiceEntry");
  return ((se?.spec.endpoints ?? []) as Array<{ address: string }>).map((e) => e.address);
};

describe("plan: DNS-named gateway addresses (§3.9)", () => {
  it("resolved: one shadow WorkloadEntry per IP, named like the seed's listing", () => {
    const west = plan(elbEast({ [ELB]: [...SEED_IPS].reverse() })).clusters.west ?? [];
    const h = shadowHash("east", "bookinfo", "details");
    expect(listing(west, "WorkloadEntry")).toEqual(
      SEED_IPS.map((address, i) => ({ kind: "WorkloadEntry", namespace: "bookinfo", name: `k-details-${h}${i === 0 ? "" : `-${i + 1}`}`, address })),
    );
    expect(endpointsOf(elbEast({ [ELB]: SEED_IPS }))).toEqual([...SEED_IPS, "127.0.1.1", "127.0.1.2", "127.0.1.3"]);
  });

  it("unresolved: flagged, and east contributes nothing until it resolves", () => {
    const result = plan(elbEast());
    expect(result.conditions.filter((c) => c.reason === "UnresolvedGatewayHostname").map((c) => c.cluster)).toEqual(["east"]);
    expect(listing(result.clusters.west ?? [], "WorkloadEntry")).toEqual([]);
    expect(endpointsOf(elbEast())).toEqual(["127.0.1.1", "127.0.1.2", "127.0.1.3"]);
  });
});

describe("plan: gateway addresses no other cluster can reach publish nothing", () => {
  const wesFrom = (objects: ReturnType<typeof plan>["clusters"][string] | undefined) =>
    (objects ?? []).filter((o) => o.kind === "WorkloadEntry").map((o) => String(o.spec.address));

  it.each([["0.0.0.0"], ["169.254.169.254"], ["fe80::1"], ["224.0.0.251"], ["ff02::fb"], ["255.255.255.255"]])("east publishing %s: no WorkloadEntry or endpoint with it, and a condition", (bad) => {
    const input = withCluster(seedInput({ exposed: [DETAILS] }), "east", (c) => c.gateways.forEach((g) => (g.externalAddressesAnnotation = `${bad},10.0.2.1`)));
    const result = plan(input);
    expect(wesFrom(result.clusters.west)).toEqual(["10.0.2.1"]);
    expect(endpointsOf(input)).toEqual(["10.0.2.1", "127.0.1.1", "127.0.1.2", "127.0.1.3"]);
    expect(JSON.stringify(result.clusters)).not.toContain(`"${bad}"`);
    expect(result.conditions.filter((c) => c.reason === "RejectedGatewayAddress").map((c) => [c.severity, c.workspace, c.cluster, c.subject])).toEqual([
      ["error", "bookinfo-ws", "east", "IngressGateway bookinfo/eastwest-gateway"],
    ]);
  });

  it("without the lab's setting, the lab's loopback gateways publish nothing anywhere", () => {
    const result = plan({ ...seedInput({ exposed: [DETAILS] }), allowLoopbackGatewayAddresses: false });
    expect(Object.values(result.clusters).flatMap(wesFrom)).toEqual([]);
    expect(result.clusters.north?.some((o) => o.kind === "ServiceEntry")).toBe(false);
    const rejected = result.conditions.filter((c) => c.reason === "RejectedGatewayAddress");
    expect(rejected.map((c) => c.cluster)).toEqual(["east", "east", "east", "west", "west", "west"]);
    expect(rejected[0]?.message).toBe("address 127.0.2.1 is a loopback address, which in every other cluster means that cluster's own host; it is not published to other clusters.");
  });
});

describe("plan: bad or contradictory input gives conditions, not exceptions", () => {
  it.each<[string, PlanInput, string, string | undefined]>([
    ["a gateway without addresses", withCluster(seedInput(), "east", (c) => c.gateways.forEach((g) => (g.addresses = []))), "GatewayWithoutAddresses", "east"],
    ["a selector matching no gateway", { ...seedInput(), workspaces: [workspace([DETAILS], { setting: { namespace: "bookinfo", name: "s", workloadSelector: { app: "typo" } } })] }, "NoMatchingGateway", "east"],
    ["an invalid namespace pattern", { ...seedInput(), workspaces: [workspace([DETAILS], { namespaceSelector: ["bookinfo", "*/bookinfo"] })] }, "InvalidNamespacePattern", undefined],
    ["an object name too long for Kubernetes", withCluster(seedInput(), "west", (c) => c.gateways.forEach((g) => (g.name = "g".repeat(250)))), "InvalidObjectName", "west"],
  ])("%s", (_, input, reason, cluster) => {
    const result = plan(input);
    const found = result.conditions.filter((c) => c.reason === reason);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.cluster).toBe(cluster);
    expect(found[0]?.message.length).toBeGreaterThan(20);
  });

  it("keeps the first workspace's object when two workspaces want the same one", () => {
    const input = seedInput({ exposed: [DETAILS] });
    input.workspaces.push(workspace([DETAILS], { name: "another-ws" }));
    const result = plan(input);
    const se = result.clusters.north?.filter((o) => o.kind === "ServiceEntry") ?? [];
    expect(se.map((o) => o.metadata.annotations["eastwest-console.io/workspaces"])).toEqual(["another-ws"]);
    expect(result.conditions.filter((c) => c.reason === "ConflictingObject").map((c) => c.cluster)).toContain("north");
  });

  it("never publishes a ServiceEntry over a local Service outside the workspace", () => {
    const input = seedInput({ exposed: [DETAILS, REVIEWS] });
    input.workspaces = [workspace([DETAILS, REVIEWS], { namespaceSelector: ["west/bookinfo", "east/bookinfo", "north/frontend"] })];
    withCluster(input, "north", (c) => {
      c.namespaces.push("frontend");
      c.services.push(service("details"), service("web", "frontend"));
    });
    const result = plan(input);
    expect(listing(result.clusters.north ?? [], "ServiceEntry").map((r) => r.name)).toEqual(["global-gwinternal-reviews-bookinfo-svc-cluster-local"]);
    expect(listing(result.clusters.north ?? [], "WorkloadEntry")).toEqual([]);
    expect(result.conditions.some((c) => c.reason === "LocalServiceOutsideWorkspace" && c.cluster === "north")).toBe(true);
  });
});

describe("plan: partitions never remove", () => {
  it.each(["west", "east", "north"])("with %s stale, every cluster's plan is what it would be fresh", (name) => {
    const fresh = plan(seedInput({ north: ["productpage", "details"] }));
    const stale = plan(withCluster(seedInput({ north: ["productpage", "details"] }), name, (c) => (c.stale = true)));
    expect(stale.clusters).toEqual(fresh.clusters);
    expect(stale.heldBack.map((h) => h.cluster)).toEqual([name]);
  });
});

describe("plan: every combination of broken clusters stays well-formed", () => {
  const breakages: Record<string, (c: PlanInput["clusters"][number]) => void> = {
    none: () => undefined,
    "no gateway": (c) => (c.gateways = []),
    "no addresses": (c) => c.gateways.forEach((g) => (g.addresses = [])),
    "unresolved hostname": (c) => c.gateways.forEach((g) => (g.addresses = [{ hostname: "gw.invalid.example" }])),
    "no services": (c) => (c.services = []),
    "no xcp-multicluster": (c) => (c.namespaces = c.namespaces.filter((n) => n !== "xcp-multicluster")),
    stale: (c) => (c.stale = true),
  };
  const kinds = Object.keys(breakages);
  const cases = kinds.flatMap((west) => kinds.map((east) => [west, east] as const));

  it.each(cases)("west: %s, east: %s", (westBreak, eastBreak) => {
    const input = seedInput({ north: ["productpage", "details"] });
    withCluster(input, "west", (c) => breakages[westBreak]?.(c));
    withCluster(input, "east", (c) => breakages[eastBreak]?.(c));
    const result = plan(input);
    const all = Object.values(result.clusters).flat();
    expect(all.every((o) => o.metadata.labels["app.kubernetes.io/managed-by"] === "eastwest-console")).toBe(true);
    const ids = Object.entries(result.clusters).flatMap(([c, objs]) => objs.map((o) => `${c}/${o.kind}/${o.metadata.namespace}/${o.metadata.name}`));
    expect(new Set(ids).size).toBe(all.length);
    expect(JSON.stringify(plan(input))).toBe(JSON.stringify(result));
  });
});

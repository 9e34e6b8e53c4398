import { describe, expect, it } from "vitest";
import type { PlanInput } from "./input";
import { serviceEntries } from "./service-entries";
import { bookinfoCluster, DETAILS, GATEWAY_IPS, modelOf, REVIEWS, seedInput, service, withCluster, workspace } from "./test-fixtures";

const built = (input: PlanInput) => serviceEntries(modelOf(input));
const where = (input: PlanInput) => built(input).placed.map((p) => `${p.cluster} ${p.object.metadata.name}`);

describe("ServiceEntries in xcp-multicluster (§3.2, §3.3)", () => {
  it("has the shape domain.md §2 describes", () => {
    const [only] = built(seedInput({ exposed: [DETAILS] })).placed;
    expect(only?.cluster).toBe("north");
    expect(only?.object.metadata).toMatchObject({ name: "global-gwinternal-details-bookinfo-svc-cluster-local", namespace: "xcp-multicluster" });
    const endpoint = (ip: string, c: string) => ({ address: ip, ports: { http: 15443 }, network: `network-${c}`, locality: c === "east" ? "us-east1/us-east1-b" : "us-west1/us-west1-a", labels: { "security.istio.io/tlsMode": "istio" } });
    expect(only?.object.spec).toEqual({
      hosts: [DETAILS],
      location: "MESH_INTERNAL",
      resolution: "STATIC",
      exportTo: ["*"],
      ports: [{ number: 9080, name: "http", protocol: "HTTP" }],
      endpoints: [...["127.0.2.1", "127.0.2.2", "127.0.2.3"].map((ip) => endpoint(ip, "east")), ...(GATEWAY_IPS.west ?? []).map((ip) => endpoint(ip, "west"))],
    });
  });

  it.each<[string, PlanInput, string[]]>([
    ["the seed: north lacks details and reviews", seedInput(), ["north global-gwinternal-details-bookinfo-svc-cluster-local", "north global-gwinternal-reviews-bookinfo-svc-cluster-local"]],
    ["a local instance wins: north runs details", seedInput({ north: ["productpage", "details"] }), ["north global-gwinternal-reviews-bookinfo-svc-cluster-local"]],
    ["a cluster outside the workspace gets nothing", withCluster(seedInput({ exposed: [DETAILS] }), "north", (c) => (c.namespaces = ["default", "xcp-multicluster"], c.services = [])), []],
    ["no reachable source: nothing", withCluster(withCluster(seedInput({ exposed: [DETAILS] }), "west", (c) => (c.gateways = [])), "east", (c) => (c.gateways = [])), []],
    ["a single source still publishes", withCluster(seedInput({ exposed: [DETAILS] }), "west", (c) => (c.gateways = [])), ["north global-gwinternal-details-bookinfo-svc-cluster-local"]],
  ])("%s", (_, input, expected) => {
    expect(where(input)).toEqual(expected);
  });

  it("reports a missing xcp-multicluster namespace instead of planning into it", () => {
    const out = built(withCluster(seedInput({ exposed: [DETAILS] }), "north", (c) => (c.namespaces = ["bookinfo"])));
    expect(out.placed).toEqual([]);
    expect(out.conditions.map((c) => [c.reason, c.cluster, c.subject])).toEqual([["MissingNamespace", "north", DETAILS]]);
  });

  it("keeps namespaces apart: details.other never stands in for details.bookinfo", () => {
    const input: PlanInput = {
      clusters: [bookinfoCluster("west", ["details"], true), bookinfoCluster("east", [], true, { namespaces: ["bookinfo", "other", "xcp-multicluster"] })],
      workspaces: [workspace(undefined, { namespaceSelector: ["*/bookinfo", "*/other"] })],
      allowLoopbackGatewayAddresses: true,
    };
    input.clusters[1]?.services.push(service("details", "other"));
    expect(built(input).placed.map((p) => `${p.cluster} ${String((p.object.spec.hosts as string[])[0])}`)).toEqual([
      `east ${DETAILS}`,
      "west details.other.svc.cluster.local",
    ]);
  });

  it.each([
    ["an unnamed port gets a protocol-number name", [{ name: "", port: 8080, protocol: "TCP" }], [{ number: 8080, name: "tcp-8080", protocol: "TCP" }]],
    ["UDP ports are not meshed", [{ name: "dns", port: 53, protocol: "UDP" }, { name: "grpc-api", port: 9090, protocol: "TCP" }], [{ number: 9090, name: "grpc-api", protocol: "GRPC" }]],
  ])("%s", (_, ports, expected) => {
    const input = seedInput({ exposed: [REVIEWS] });
    for (const c of input.clusters) for (const s of c.services) if (s.name === "reviews") s.ports = ports;
    const spec = built(input).placed[0]?.object.spec;
    expect(spec?.ports).toEqual(expected);
    expect((spec?.endpoints as Array<{ ports: Record<string, number> }>)[0]?.ports).toEqual(Object.fromEntries(expected.map((p) => [p.name, 15443])));
  });
});

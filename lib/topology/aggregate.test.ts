// Aggregation levels: collapsed clusters, an expanded cluster (gateways and namespaces), an expanded namespace
// (services); edges lifted to the nearest visible node, merged with counts by status, self-loops dropped.
import { describe, expect, it } from "vitest";
import { DETAILS, PRODUCTPAGE, REVIEWS, bookinfo } from "@/lib/failover/test-helpers";
import type { ClusterFacts, FailoverInput } from "@/lib/failover/types";
import { aggregate } from "./aggregate";
import { MAX_EDGE_FQDNS } from "./edge-merge";
import { cl, gw, ns, svc, topologyOf } from "./test-fleet";

const full = topologyOf(bookinfo());
const F = "failover";
const I = "ingress";

/** The visible edges as "kind source->target count status {counts}". */
function edgesOf(expanded: string[]): string[] {
  return aggregate(full, expanded)
    .edges.map((e) => `${e.kind === F ? F : I} ${e.source}->${e.target} ${e.count} ${e.status} ${JSON.stringify(e.statusCounts)}`)
    .sort();
}

describe("aggregate", () => {
  it.each<[string, string[], string[]]>([
    ["everything collapsed: the clusters", [], [cl("east"), cl("north"), cl("south"), cl("west")]],
    ["west expanded: its gateway and namespace", [cl("west")], [cl("east"), cl("north"), cl("south"), cl("west"), gw("west"), ns("west")]],
    ["west and its namespace expanded: its services", [cl("west"), ns("west")], [cl("east"), cl("north"), cl("south"), cl("west"), gw("west"), ns("west"), svc("west", DETAILS), svc("west", PRODUCTPAGE), svc("west", REVIEWS)]],
    ["a namespace of a collapsed cluster stays hidden", [ns("west")], [cl("east"), cl("north"), cl("south"), cl("west")]],
    ["unknown ids are ignored", ["cluster:mars", "svc:west/x"], [cl("east"), cl("north"), cl("south"), cl("west")]],
  ])("nodes: %s", (_, expanded, ids) => {
    expect(aggregate(full, expanded).nodes.map((n) => n.id)).toEqual(ids);
  });

  it("marks expanded groups and keeps parents", () => {
    const nodes = aggregate(full, [cl("west"), ns("west")]).nodes;
    expect(nodes.find((n) => n.id === cl("west"))).toMatchObject({ kind: "cluster", expanded: true, services: 3, gateways: 1 });
    expect(nodes.find((n) => n.id === cl("east"))).toMatchObject({ kind: "cluster", expanded: false });
    expect(nodes.find((n) => n.id === ns("west"))).toMatchObject({ kind: "namespace", expanded: true, parent: cl("west"), services: 3 });
    expect(nodes.find((n) => n.id === gw("west"))).toMatchObject({ kind: "gateway", parent: cl("west"), addresses: ["10.0.1.1", "10.0.1.2"], readyPods: 2, ready: true });
    expect(nodes.find((n) => n.id === svc("west", PRODUCTPAGE))).toMatchObject({ kind: "service", parent: ns("west"), state: "at-risk", words: "At risk", reasonWords: "runs in no other cluster" });
  });

  it("collapsed: edges merged cluster to cluster, the ingress inside each cluster dropped", () => {
    expect(edgesOf([])).toEqual([
      `${F} ${cl("east")}->${cl("north")} 1 standby {"standby":1}`,
      `${F} ${cl("east")}->${cl("west")} 2 standby {"standby":2}`,
      `${F} ${cl("north")}->${cl("east")} 1 standby {"standby":1}`,
      `${F} ${cl("north")}->${cl("west")} 1 standby {"standby":1}`,
      `${F} ${cl("south")}->${cl("east")} 1 active {"active":1}`,
      `${F} ${cl("south")}->${cl("north")} 1 active {"active":1}`,
      `${F} ${cl("south")}->${cl("west")} 1 active {"active":1}`,
      `${F} ${cl("west")}->${cl("east")} 2 standby {"standby":2}`,
      `${F} ${cl("west")}->${cl("north")} 1 standby {"standby":1}`,
    ]);
    const edge = aggregate(full, []).edges.find((e) => e.id === `failover:${cl("west")}->${cl("east")}`);
    expect(edge).toMatchObject({ sourceCluster: "west", targetCluster: "east", fqdns: [DETAILS, REVIEWS] });
  });

  it("west expanded: its namespace and gateway carry its edges; the ingress into its namespace merges by status", () => {
    expect(edgesOf([cl("west")]).filter((e) => e.includes("west"))).toEqual([
      `${F} ${cl("east")}->${gw("west")} 2 standby {"standby":2}`,
      `${F} ${cl("north")}->${gw("west")} 1 standby {"standby":1}`,
      `${F} ${cl("south")}->${gw("west")} 1 active {"active":1}`,
      `${F} ${ns("west")}->${cl("east")} 2 standby {"standby":2}`,
      `${F} ${ns("west")}->${cl("north")} 1 standby {"standby":1}`,
      `${I} ${gw("west")}->${ns("west")} 2 active {"active":1,"standby":1}`,
    ]);
  });

  it("west's namespace expanded: edges of its services one by one", () => {
    expect(edgesOf([cl("west"), ns("west")]).filter((e) => e.includes(`${ns("west")}`) || e.includes("svc:west"))).toEqual([
      `${F} ${svc("west", DETAILS)}->${cl("east")} 1 standby {"standby":1}`,
      `${F} ${svc("west", DETAILS)}->${cl("north")} 1 standby {"standby":1}`,
      `${F} ${svc("west", REVIEWS)}->${cl("east")} 1 standby {"standby":1}`,
      `${I} ${gw("west")}->${svc("west", DETAILS)} 1 active {"active":1}`,
      `${I} ${gw("west")}->${svc("west", REVIEWS)} 1 standby {"standby":1}`,
    ]);
  });

  it("two clusters expanded: group to group between them", () => {
    expect(edgesOf([cl("west"), cl("east")])).toContain(`${F} ${ns("west")}->${gw("east")} 2 standby {"standby":2}`);
    expect(edgesOf([cl("west"), cl("east")])).toContain(`${F} ${ns("east")}->${gw("west")} 2 standby {"standby":2}`);
  });

  it("hands over the precomputed edges of collapsed pairs (no copy per request)", () => {
    const a = aggregate(full, []).edges;
    const b = aggregate(full, [cl("south")]).edges;
    expect(b.find((e) => e.id === `failover:${cl("west")}->${cl("east")}`)).toBe(a.find((e) => e.id === `failover:${cl("west")}->${cl("east")}`));
  });
});

/** Two clusters running `n` services each in namespace "n", every route working. */
function twoClusters(n: number): FailoverInput {
  const fqdns = Array.from({ length: n }, (_, i) => `s${String(i).padStart(2, "0")}.n.svc.cluster.local`);
  const cluster = (name: string, address: string, remote: string): ClusterFacts => ({
    name,
    stale: false,
    gateways: [{ namespace: "istio-system", name: "eastwest-gateway", readyPods: 1, addresses: [address] }],
    services: fqdns.map((fqdn) => ({ fqdn, namespace: "n", ports: [80], endpoints: { ready: 1, total: 1 } })),
    serviceEntries: [],
    shadowEntries: fqdns.map((fqdn) => ({ fqdn, addresses: [remote] })),
    outlierDetection: fqdns,
  });
  return { clusters: [cluster("a", "10.0.0.1", "10.0.0.2"), cluster("b", "10.0.0.2", "10.0.0.1")], exposure: { setting: true } };
}

it("a merged edge counts every edge and names at most 20 FQDNs", () => {
  const edge = aggregate(topologyOf(twoClusters(25)), []).edges.find((e) => e.id === "failover:cluster:a->cluster:b");
  expect(edge).toMatchObject({ count: 25, status: "standby", statusCounts: { standby: 25 } });
  expect(edge?.fqdns).toHaveLength(MAX_EDGE_FQDNS);
});

import { describe, expect, it } from "vitest";
import { MAX_EDGE_FQDNS } from "@/lib/topology/edge-merge";
import type { TopologyEdge } from "@/lib/topology/types";
import type { TrafficFlow, TrafficView } from "@/lib/traffic/types";
import { namesEveryService, trafficByEdge, type EdgeFigure } from "./edge-figures";

const DETAILS = "details.bookinfo.svc.cluster.local";
const REVIEWS = "reviews.bookinfo.svc.cluster.local";
const RATINGS = "ratings.shop.svc.cluster.local";
const flow = (sourceCluster: string, destinationCluster: string, fqdn: string, rps: number, errorRate = 0): TrafficFlow => ({ sourceCluster, destinationCluster, fqdn, rps, errorRate });

// west failed over details to east (4 req/s, a quarter 5xx) and sends reviews both ways; north sends details to
// east; east calls its own details (never crosses a gateway); ratings (another namespace) goes west → east too.
const FLOWS = [
  flow("west", "east", DETAILS, 4, 0.25),
  flow("west", "east", REVIEWS, 1),
  flow("west", "west", REVIEWS, 3),
  flow("north", "east", DETAILS, 2),
  flow("east", "east", DETAILS, 10, 1),
  flow("west", "east", RATINGS, 5),
];

const view = (flows: TrafficFlow[], status: TrafficView["status"] = { state: "ok", window: "1m" }): TrafficView => ({ status, servedBy: [], flows, at: "2026-12-05T04:00:00.000Z" });

const edge = (kind: TopologyEdge["kind"], sourceCluster: string, targetCluster: string, fqdns: string[], count = fqdns.length): TopologyEdge => ({
  id: `${kind}:${sourceCluster}>${targetCluster}:${fqdns.join(",")}:${count}`,
  kind,
  source: `svc:${sourceCluster}/x`,
  target: `gw:${targetCluster}/istio-system/eastwest`,
  count,
  status: "active",
  statusCounts: { active: count },
  sourceCluster,
  targetCluster,
  fqdns,
});

const many = (n: number) => Array.from({ length: n }, (_, i) => `svc-${i}.other.svc.cluster.local`);

describe("trafficByEdge", () => {
  it.each<[string, TopologyEdge, EdgeFigure | undefined]>([
    ["failover edge of one service: its flow from source to target cluster", edge("failover", "west", "east", [DETAILS]), { rps: 4, errorRate: 0.25, scope: "services" }],
    ["failover edge of two services: summed, 5xx share weighted by rate", edge("failover", "west", "east", [DETAILS, REVIEWS]), { rps: 5, errorRate: 0.2, scope: "services" }],
    ["one service dialling two gateways (count 2, one FQDN) is still named in full", edge("failover", "west", "east", [DETAILS], 2), { rps: 4, errorRate: 0.25, scope: "services" }],
    ["direction matters: nothing east → west", edge("failover", "east", "west", [DETAILS]), undefined],
    ["a standby edge no request took has no figure (no 0 req/s)", edge("failover", "north", "east", [REVIEWS]), undefined],
    ["ingress edge: every other cluster's requests into the target, not the target's own", edge("ingress", "east", "east", [DETAILS]), { rps: 6, errorRate: 1 / 6, scope: "services" }],
    ["ingress edge of a service nobody else calls there", edge("ingress", "west", "west", [REVIEWS]), undefined],
    ["aggregated failover edge naming 20 of 35 routes: every west → east flow, marked clusters", edge("failover", "west", "east", many(MAX_EDGE_FQDNS), 35), { rps: 10, errorRate: 0.1, scope: "clusters" }],
    ["aggregated ingress edge naming 20 of 35 routes: everything entering east from other clusters", edge("ingress", "east", "east", many(MAX_EDGE_FQDNS), 35), { rps: 12, errorRate: 1 / 12, scope: "clusters" }],
    ["exactly 20 routes and 20 names: complete, only those services", edge("failover", "west", "east", many(MAX_EDGE_FQDNS), MAX_EDGE_FQDNS), undefined],
  ])("%s", (_name, e, expected) => {
    const figure = trafficByEdge([e], view(FLOWS)).get(e.id);
    if (expected === undefined) expect(figure).toBeUndefined();
    else expect(figure).toEqual({ ...expected, errorRate: expect.closeTo(expected.errorRate, 10) });
  });

  it("has an entry for every edge, and no figure when Prometheus did not answer (even with stale flows)", () => {
    const edges = [edge("failover", "west", "east", [DETAILS]), edge("ingress", "east", "east", [DETAILS])];
    for (const status of [{ state: "not-configured" }, { state: "down", message: "connection refused" }] as const) {
      const byEdge = trafficByEdge(edges, view(FLOWS, status));
      expect([...byEdge.keys()]).toEqual(edges.map((e) => e.id));
      expect([...byEdge.values()]).toEqual([undefined, undefined]);
    }
  });

  it("sums duplicate flows of one pair and service", () => {
    const e = edge("failover", "west", "east", [DETAILS]);
    expect(trafficByEdge([e], view([flow("west", "east", DETAILS, 1), flow("west", "east", DETAILS, 3, 1)])).get(e.id)).toEqual({ rps: 4, errorRate: 0.75, scope: "services" });
  });
});

describe("namesEveryService", () => {
  it.each<[number, number, boolean]>([
    [1, 1, true],
    [5, 3, true],
    [MAX_EDGE_FQDNS, MAX_EDGE_FQDNS, true],
    [MAX_EDGE_FQDNS + 1, MAX_EDGE_FQDNS, false],
  ])("count %i with %i names: %s", (count, names, expected) => {
    expect(namesEveryService({ count, fqdns: many(names) })).toBe(expected);
  });
});

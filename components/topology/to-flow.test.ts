import { describe, expect, it } from "vitest";
import type { TopologyEdge, TopologyGraph, TopologyNode } from "@/lib/topology/types";
import { countsSentence, edgeSentence, toFlowEdges, toFlowNodes } from "./to-flow";

const west: TopologyNode = { id: "cluster:west", kind: "cluster", label: "west", cluster: "west", stale: false, expanded: true, counts: { "serving-locally": 1 }, worst: "serving-locally", services: 1, gateways: 0 };
const east: TopologyNode = { id: "cluster:east", kind: "cluster", label: "east", cluster: "east", stale: false, expanded: false, counts: {}, services: 0, gateways: 1 };
const ns: TopologyNode = { id: "ns:west/bookinfo", kind: "namespace", label: "bookinfo", cluster: "west", parent: "cluster:west", namespace: "bookinfo", expanded: false, counts: { "serving-locally": 1 }, worst: "serving-locally", services: 1 };
const edge = (over: Partial<TopologyEdge>): TopologyEdge => ({
  id: "failover:ns:west/bookinfo->cluster:east", kind: "failover", source: "ns:west/bookinfo", target: "cluster:east", count: 1, status: "standby", statusCounts: { standby: 1 }, sourceCluster: "west", targetCluster: "east", fqdns: ["details.bookinfo.svc.cluster.local"], ...over,
});
// The server may list a child before its parent; xyflow needs parents first.
const graph: TopologyGraph = { nodes: [ns, west, east], edges: [edge({})], counts: { "serving-locally": 1 }, version: "v1", computedAt: "2026-12-05T03:00:00Z" };
const layout = { "cluster:west": { x: 0, y: 0, width: 300, height: 200 }, "ns:west/bookinfo": { x: 16, y: 44, width: 220, height: 84 }, "cluster:east": { x: 320, y: 0, width: 260, height: 112 } };

describe("toFlowNodes", () => {
  it("puts parents first, children relative to their parent, and marks the selection", () => {
    const nodes = toFlowNodes(graph, layout, "ns:west/bookinfo");
    expect(nodes.map((n) => n.id)).toEqual(["cluster:west", "cluster:east", "ns:west/bookinfo"]);
    expect(nodes[2]).toMatchObject({ parentId: "cluster:west", position: { x: 16, y: 44 }, type: "namespace", selected: true });
    expect(nodes[0]).toMatchObject({ type: "cluster", selected: false, zIndex: 0 });
  });

  it("leaves out nodes the layout has not placed yet", () => {
    expect(toFlowNodes(graph, { "cluster:east": layout["cluster:east"] }, undefined).map((n) => n.id)).toEqual(["cluster:east"]);
  });
});

describe("toFlowEdges", () => {
  it("draws an edge only between placed nodes, labelled with its count when it stands for several", () => {
    const many = { ...graph, edges: [edge({ count: 3, status: "broken", statusCounts: { standby: 2, broken: 1 } })] };
    expect(toFlowEdges(many, layout)).toMatchObject([{ source: "ns:west/bookinfo", target: "cluster:east", label: "3", type: "floating" }]);
    expect(toFlowEdges(graph, layout)[0]?.label).toBeUndefined();
    expect(toFlowEdges(graph, { "cluster:east": layout["cluster:east"] })).toEqual([]);
  });

  it("carries an edge's traffic for its pill and says it in the edge's aria-label; none without a figure", () => {
    const id = "failover:ns:west/bookinfo->cluster:east";
    const [drawn] = toFlowEdges(graph, layout, new Map([[id, { rps: 0.8, errorRate: 0.02, scope: "services" as const }]]));
    expect(drawn?.data).toEqual({ status: "standby", traffic: { rps: 0.8, errorRate: 0.02, scope: "services" } });
    expect(drawn?.ariaLabel).toBe("Standby failover route from west to east: 0.8 req/s, 2 % 5xx in the last minute");
    expect(toFlowEdges(graph, layout, new Map([[id, undefined]]))[0]?.data).toEqual({ status: "standby" });
  });
});

describe("edgeSentence", () => {
  it.each([
    { over: {}, words: "Standby failover route from west to east" },
    { over: { kind: "ingress" as const, status: "active" as const }, words: "Active ingress route from west to east" },
    { over: { count: 3, status: "broken" as const, statusCounts: { active: 1, standby: 1, broken: 1 } }, words: "3 failover routes: 1 Active, 1 Standby, 1 Broken from west to east" },
  ])("$words", ({ over, words }) => {
    expect(edgeSentence(edge(over))).toBe(words);
  });
});

describe("countsSentence", () => {
  it.each([
    { counts: {}, words: "no services" },
    { counts: { unknown: 2, "serving-locally": 3 }, words: "3 Serving locally, 2 Unknown" },
  ])("$words", ({ counts, words }) => {
    expect(countsSentence(counts)).toBe(words);
  });
});

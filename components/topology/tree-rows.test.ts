import { describe, expect, it } from "vitest";
import type { TopologyNode } from "@/lib/topology/types";
import { rowLabel, treeMove, treeRows } from "./tree-rows";

const cluster = (name: string, expanded: boolean, stale = false): TopologyNode => ({
  id: `cluster:${name}`, kind: "cluster", label: name, cluster: name, stale, expanded, counts: { "serving-locally": 2, "at-risk": 1 }, worst: "at-risk", services: 3, gateways: 1,
});
const nodes: TopologyNode[] = [
  cluster("east", false),
  cluster("west", true),
  { id: "gw:west/istio-system/eastwest-gateway", kind: "gateway", label: "eastwest-gateway", cluster: "west", parent: "cluster:west", namespace: "istio-system", name: "eastwest-gateway", addresses: ["10.0.0.1"], readyPods: 1, ready: true },
  { id: "ns:west/bookinfo", kind: "namespace", label: "bookinfo", cluster: "west", parent: "cluster:west", namespace: "bookinfo", expanded: true, counts: { "serving-locally": 1 }, worst: "serving-locally", services: 1 },
  { id: "svc:west/details.bookinfo.svc.cluster.local", kind: "service", label: "details", cluster: "west", parent: "ns:west/bookinfo", namespace: "bookinfo", fqdn: "details.bookinfo.svc.cluster.local", state: "serving-locally", words: "Serving locally", sentence: "Serving locally (1 of 1 local endpoints ready); fails over to east through istio-system/eastwest-gateway." },
  cluster("north", false, true),
];

describe("treeRows", () => {
  it("lists open groups' children under them, depth first, with levels and positions", () => {
    const rows = treeRows(nodes);
    expect(rows.map((r) => [r.node.id, r.level, r.pos, r.size])).toEqual([
      ["cluster:east", 1, 1, 3],
      ["cluster:west", 1, 2, 3],
      ["gw:west/istio-system/eastwest-gateway", 2, 1, 2],
      ["ns:west/bookinfo", 2, 2, 2],
      ["svc:west/details.bookinfo.svc.cluster.local", 3, 1, 1],
      ["cluster:north", 1, 3, 3],
    ]);
  });
});

describe("treeMove", () => {
  const rows = treeRows(nodes);
  it.each([
    { from: "cluster:east", key: "ArrowDown", to: { focus: "cluster:west" } },
    { from: "cluster:east", key: "ArrowUp", to: null },
    { from: "cluster:north", key: "ArrowDown", to: null },
    { from: "cluster:east", key: "ArrowRight", to: { toggle: "cluster:east" } },
    { from: "cluster:west", key: "ArrowRight", to: { focus: "gw:west/istio-system/eastwest-gateway" } },
    { from: "cluster:west", key: "ArrowLeft", to: { toggle: "cluster:west" } },
    { from: "svc:west/details.bookinfo.svc.cluster.local", key: "ArrowLeft", to: { focus: "ns:west/bookinfo" } },
    { from: "svc:west/details.bookinfo.svc.cluster.local", key: "ArrowRight", to: null },
    { from: "cluster:east", key: "ArrowLeft", to: null },
    { from: "ns:west/bookinfo", key: "Home", to: { focus: "cluster:east" } },
    { from: "ns:west/bookinfo", key: "End", to: { focus: "cluster:north" } },
    { from: "gone", key: "ArrowDown", to: { focus: "cluster:east" } },
  ] as const)("$key from $from", ({ from, key, to }) => {
    expect(treeMove(rows, from, key)).toEqual(to);
  });
});

describe("rowLabel", () => {
  it.each([
    { id: "cluster:west", label: "west cluster 3 services, 1 gateway: 2 Serving locally, 1 At risk" },
    { id: "cluster:north", label: "north cluster stale, 3 services, 1 gateway: 2 Serving locally, 1 At risk" },
    { id: "gw:west/istio-system/eastwest-gateway", label: "eastwest-gateway gateway 1 ready, 10.0.0.1" },
    { id: "svc:west/details.bookinfo.svc.cluster.local", label: "details service Serving locally (1 of 1 local endpoints ready); fails over to east through istio-system/eastwest-gateway." },
  ])("$id", ({ id, label }) => {
    const node = nodes.find((n) => n.id === id);
    if (!node) throw new Error(`no node ${id}`);
    expect(rowLabel(node)).toBe(label);
  });
});

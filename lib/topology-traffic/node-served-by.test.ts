import { describe, expect, it } from "vitest";
import type { TopologyNode } from "@/lib/topology/types";
import type { ServedBy, TrafficView } from "@/lib/traffic/types";
import { servedByForNode } from "./node-served-by";

const DETAILS = "details.bookinfo.svc.cluster.local";

const service = (cluster: string, kind: "service" | "service-entry" = "service", words = "Failed over"): TopologyNode => ({
  id: `svc:${cluster}/${DETAILS}`,
  label: "details",
  cluster,
  kind,
  namespace: "bookinfo",
  fqdn: DETAILS,
  state: "failed-over",
  words,
  sentence: `${words} to east through istio-system/eastwest`,
});

const WEST: ServedBy = { sourceCluster: "west", fqdn: DETAILS, rps: 2, errorRate: 0, servedBy: [{ cluster: "east", share: 1, rps: 2 }] };
const view = (status: TrafficView["status"], servedBy: ServedBy[] = [WEST]): TrafficView => ({ status, servedBy, flows: [], at: "2026-12-05T04:00:00.000Z" });
const OK: TrafficView["status"] = { state: "ok", window: "1m" };

describe("servedByForNode", () => {
  it.each<[string, TopologyNode, TrafficView, string | undefined]>([
    ["a failed-over service: its state joined with who served its cluster", service("west"), view(OK), "west: failed over; served by east 100 % in the last minute"],
    ["a host consumed through a ServiceEntry", service("west", "service-entry", "Remote only"), view(OK), "west: remote only; served by east 100 % in the last minute"],
    ["the same service in a cluster that sent nothing", service("east", "service", "Serving locally"), view(OK), "east: serving locally; no requests in the last minute"],
    ["Prometheus not configured: nothing per node", service("west"), view({ state: "not-configured" }), undefined],
    ["Prometheus down: nothing per node", service("west"), view({ state: "down", message: "timeout" }), undefined],
    [
      "a gateway serves nothing of its own",
      { id: "gw:west/istio-system/eastwest", label: "eastwest", cluster: "west", kind: "gateway", namespace: "istio-system", name: "eastwest", addresses: ["10.0.0.1"], readyPods: 1, ready: true },
      view(OK),
      undefined,
    ],
    ["a cluster group", { id: "cluster:west", label: "west", cluster: "west", kind: "cluster", stale: false, expanded: false, counts: {}, services: 3, gateways: 1 }, view(OK), undefined],
  ])("%s", (_name, node, v, expected) => {
    expect(servedByForNode(node, v)).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import type { TopologyEdge } from "@/lib/topology/types";
import type { EdgeFigure } from "./edge-figures";
import { edgeTrafficLabel, edgeTrafficSentence, isHighErrorRate } from "./edge-words";

const EDGE: Pick<TopologyEdge, "count" | "fqdns" | "sourceCluster" | "targetCluster" | "kind"> = { kind: "failover", count: 35, fqdns: Array.from({ length: 20 }, (_, i) => `s${i}`), sourceCluster: "west", targetCluster: "east" };

describe("edge traffic words", () => {
  it.each<[string, EdgeFigure, string, string]>([
    ["rate and 5xx share", { rps: 0.8, errorRate: 0.02, scope: "services" }, "0.8 req/s · 2 % 5xx", "0.8 req/s, 2 % 5xx in the last minute"],
    ["no 5xx: the rate alone", { rps: 12.4, errorRate: 0, scope: "services" }, "12 req/s", "12 req/s in the last minute"],
    ["a trickle", { rps: 0.04, errorRate: 1, scope: "services" }, "< 0.1 req/s · 100 % 5xx", "< 0.1 req/s, 100 % 5xx in the last minute"],
    [
      "every flow between the clusters: an upper bound, said",
      { rps: 3, errorRate: 0, scope: "clusters" },
      "≤ 3.0 req/s",
      "at most 3.0 req/s in the last minute (every service from west to east: the edge stands for 35 routes and names 20 services)",
    ],
  ])("%s", (_name, figure, label, sentence) => {
    expect(edgeTrafficLabel(figure)).toBe(label);
    expect(edgeTrafficSentence(figure, EDGE)).toBe(sentence);
  });

  it("an ingress edge's bound is what enters its cluster", () => {
    expect(edgeTrafficSentence({ rps: 2, errorRate: 0, scope: "clusters" }, { ...EDGE, kind: "ingress", sourceCluster: "east" })).toContain("every service into east from other clusters");
  });

  it.each<[number, boolean]>([
    [0, false],
    [0.05, false],
    [0.051, true],
    [1, true],
  ])("5xx share %d is high: %s", (errorRate, expected) => {
    expect(isHighErrorRate({ errorRate })).toBe(expected);
  });
});

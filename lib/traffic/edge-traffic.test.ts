import { describe, expect, it } from "vitest";
import { edgeTraffic } from "./edge-traffic";
import type { TrafficFlow } from "./types";

const DETAILS = "details.bookinfo.svc.cluster.local";
const REVIEWS = "reviews.bookinfo.svc.cluster.local";
const flow = (sourceCluster: string, destinationCluster: string, fqdn: string, rps: number, errorRate = 0): TrafficFlow => ({ sourceCluster, destinationCluster, fqdn, rps, errorRate });

const FLOWS = [flow("west", "east", DETAILS, 3, 0), flow("west", "east", REVIEWS, 1, 1), flow("west", "west", DETAILS, 5), flow("east", "west", DETAILS, 2)];

describe("edgeTraffic", () => {
  it.each<[string, string, string, ReadonlySet<string> | readonly string[] | undefined, ReturnType<typeof edgeTraffic>]>([
    ["every service on the edge, error share weighted by rate", "west", "east", undefined, { rps: 4, errorRate: 0.25 }],
    ["one service (array)", "west", "east", [DETAILS], { rps: 3, errorRate: 0 }],
    ["one service (set)", "west", "east", new Set([REVIEWS]), { rps: 1, errorRate: 1 }],
    ["direction matters", "east", "west", undefined, { rps: 2, errorRate: 0 }],
    ["no flow on the edge", "east", "north", undefined, undefined],
    ["services not on the edge", "west", "east", ["ratings.bookinfo.svc.cluster.local"], undefined],
  ])("%s", (_name, source, target, fqdns, expected) => {
    expect(edgeTraffic(FLOWS, source, target, fqdns)).toEqual(expected);
  });
});

// Edge statuses from the failover states (every status, and the failing checks that draw no edge), on the leaf
// graph (everything expanded).
import { describe, expect, it } from "vitest";
import { DETAILS, REVIEWS, bookinfo, edit, endpoints, pipe } from "@/lib/failover/test-helpers";
import type { FailoverInput } from "@/lib/failover/types";
import { aggregate } from "./aggregate";
import { EVERYTHING, gw, se, svc, topologyOf } from "./test-fleet";

const zero = { ready: 0, total: 1 };
const down = (cluster: string, fqdn: string) => (i: FailoverInput) => endpoints(i, cluster, fqdn, zero);
const gatewayDown = (name: string) => (i: FailoverInput) => edit(i, name, (c) => ({ gateways: c.gateways.map((g) => ({ ...g, readyPods: 0 })) }));
const noGateway = (name: string) => (i: FailoverInput) => edit(i, name, () => ({ gateways: [] }));
const stale = (name: string) => (i: FailoverInput) => edit(i, name, () => ({ stale: true, staleSince: "2026-12-05T01:00:00Z" }));
const noShadows = (cluster: string, fqdn: string) => (i: FailoverInput) => edit(i, cluster, (c) => ({ shadowEntries: c.shadowEntries.filter((w) => w.fqdn !== fqdn) }));
const noOutlier = (cluster: string, fqdn: string) => (i: FailoverInput) => edit(i, cluster, (c) => ({ outlierDetection: c.outlierDetection.filter((h) => h !== fqdn) }));

/** The status of the leaf edge `kind` source → target, or "none". */
function statusOf(input: FailoverInput, kind: "failover" | "ingress", source: string, target: string): string {
  const { edges } = aggregate(topologyOf(input), EVERYTHING);
  const edge = edges.find((e) => e.id === `${kind}:${source}->${target}`);
  if (edge) expect(edge.count).toBe(1);
  return edge?.status ?? "none";
}

describe("leaf edges", () => {
  it.each<[string, FailoverInput, "failover" | "ingress", string, string, string]>([
    ["serving locally with a working route: standby", bookinfo(), "failover", svc("west", DETAILS), gw("east"), "standby"],
    ["failed over: active to every target", down("west", DETAILS)(bookinfo()), "failover", svc("west", DETAILS), gw("north"), "active"],
    ["remote only, reachable: active", bookinfo(), "failover", se("south", DETAILS), gw("east"), "active"],
    ["at risk, no outlier detection, working route: standby", noOutlier("west", REVIEWS)(bookinfo()), "failover", svc("west", REVIEWS), gw("east"), "standby"],
    ["at risk, remote gateway without ready pods: broken", gatewayDown("east")(bookinfo()), "failover", svc("west", REVIEWS), gw("east"), "broken"],
    ["at risk, every remote instance down: broken", down("east", REVIEWS)(bookinfo()), "failover", svc("west", REVIEWS), gw("east"), "broken"],
    ["at risk, remote cluster stale: broken", stale("east")(bookinfo()), "failover", svc("west", REVIEWS), gw("east"), "broken"],
    ["unavailable, the shadows still lead to east: broken", pipe(bookinfo(), down("west", REVIEWS), down("east", REVIEWS)), "failover", svc("west", REVIEWS), gw("east"), "broken"],
    ["unavailable ServiceEntry host: broken", pipe(bookinfo(), down("west", DETAILS), down("east", DETAILS), down("north", DETAILS)), "failover", se("south", DETAILS), gw("west"), "broken"],
    ["no shadow WorkloadEntries: nothing leads there, no edge", noShadows("west", REVIEWS)(bookinfo()), "failover", svc("west", REVIEWS), gw("east"), "none"],
    ["no gateway in the remote: no edge", noGateway("east")(bookinfo()), "failover", svc("west", REVIEWS), gw("east"), "none"],
    ["a stale cluster's own services draw nothing (Unknown)", stale("west")(bookinfo()), "failover", svc("west", DETAILS), gw("east"), "none"],
    ["ingress: the worst of the routes into it (south's is active)", bookinfo(), "ingress", gw("west"), svc("west", DETAILS), "active"],
    ["ingress: standby when every route into it is", bookinfo(), "ingress", gw("east"), svc("east", REVIEWS), "standby"],
    ["ingress: broken when the remote instances are down", down("east", REVIEWS)(bookinfo()), "ingress", gw("east"), svc("east", REVIEWS), "broken"],
  ])("%s", (_, input, kind, source, target, expected) => {
    expect(statusOf(input, kind, source, target)).toBe(expected);
  });

  it("failover edges carry their clusters and FQDN", () => {
    const { edges } = aggregate(topologyOf(bookinfo()), EVERYTHING);
    expect(edges.find((e) => e.id === `failover:${svc("west", DETAILS)}->${gw("north")}`)).toEqual({
      id: `failover:${svc("west", DETAILS)}->${gw("north")}`,
      kind: "failover",
      source: svc("west", DETAILS),
      target: gw("north"),
      count: 1,
      status: "standby",
      statusCounts: { standby: 1 },
      sourceCluster: "west",
      targetCluster: "north",
      fqdns: [DETAILS],
    });
  });
});

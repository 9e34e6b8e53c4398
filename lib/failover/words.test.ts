import { describe, expect, it } from "vitest";
import { failoverStates } from "./failover-state";
import { DETAILS, PRODUCTPAGE, REVIEWS, bookinfo, edit, endpoints, rowOf } from "./test-helpers";
import type { FailoverInput } from "./types";
import { FAILOVER_WORDS, failoverSentence } from "./words";

const down = { ready: 0, total: 1 };

describe("failoverSentence", () => {
  it.each<[FailoverInput, string, string, string]>([
    [bookinfo(), "west", REVIEWS, "Serving locally (1 of 1 local endpoints ready); fails over to east through istio-system/eastwest-gateway."],
    [endpoints(bookinfo(), "west", DETAILS, down), "west", DETAILS, "Failed over to north through istio-system/eastwest-gateway, then east through istio-system/eastwest-gateway (0 of 1 local endpoints ready)."],
    [bookinfo(), "west", PRODUCTPAGE, "At risk: runs in no other cluster; 1 of 1 local endpoints ready."],
    [edit(bookinfo(), "east", () => ({ gateways: [] })), "west", REVIEWS, "At risk: no gateway (east: no gateway); 1 of 1 local endpoints ready."],
    [bookinfo(), "south", DETAILS, "Remote only through a ServiceEntry, reachable (east: works through istio-system/eastwest-gateway; north: works through istio-system/eastwest-gateway; west: works through istio-system/eastwest-gateway)."],
    [endpoints(endpoints(bookinfo(), "west", REVIEWS, down), "east", REVIEWS, down), "west", REVIEWS, "Unavailable: 0 of 1 local endpoints ready; east: every remote instance down."],
    [edit(bookinfo(), "west", () => ({ stale: true, staleSince: "2026-12-05T01:00:00Z" })), "west", DETAILS, "Unknown: west cannot be seen now (stale since 2026-12-05T01:00:00Z)."],
  ])("%#", (input, cluster, fqdn, expected) => {
    expect(failoverSentence(rowOf(failoverStates(input), cluster, fqdn))).toBe(expected);
  });

  it("uses the issue's words for each state", () => {
    expect(Object.values(FAILOVER_WORDS)).toEqual(["Serving locally", "Failed over", "At risk", "Remote only", "Unavailable", "Unknown"]);
  });
});

import { describe, expect, it } from "vitest";
import { exposureSummary } from "./exposure-summary";
import { fq, moved } from "./test-helpers";
import type { ServiceReachability } from "./types";


describe("exposureSummary", () => {
  it.each<[string, ServiceReachability[], string[]]>([
    ["nothing moves", [], []],
    [
      "two services reachable nowhere else any more share one sentence",
      [moved(fq("productpage"), { lost: ["east", "north"] }), moved(fq("ratings"), { lost: ["north"] })],
      ["productpage and ratings will no longer be reachable from other clusters."],
    ],
    ["one service gained in two clusters", [moved(fq("details"), { gained: ["east", "north"] })], ["details will become reachable from east and north."]],
    [
      "lost in one cluster but kept in another names the cluster",
      [moved(fq("reviews"), { lost: ["north"], kept: ["east"] })],
      ["reviews will no longer be reachable from north."],
    ],
    [
      "losses come before gains, each grouped by clusters",
      [moved(fq("details"), { gained: ["north"] }), moved(fq("ratings"), { lost: ["north"] }), moved(fq("reviews"), { gained: ["north"] })],
      ["ratings will no longer be reachable from other clusters.", "details and reviews will become reachable from north."],
    ],
    [
      "failover gained and lost, said after reachability of the same kind",
      [
        moved(fq("productpage"), { failoverLost: ["east", "west"] }),
        moved(fq("ratings"), { lost: ["north"], failoverLost: ["east", "west"] }),
        moved(fq("details"), { gained: ["north"], failoverGained: ["east", "west"] }),
      ],
      [
        "ratings will no longer be reachable from other clusters.",
        "productpage and ratings will no longer fail over to other clusters from east and west.",
        "details will become reachable from north.",
        "details will fail over to other clusters from east and west.",
      ],
    ],
    [
      "the same short name in two namespaces is told apart",
      [moved(fq("api", "shop"), { gained: ["east"] }), moved(fq("api", "billing"), { gained: ["west"] })],
      ["api.shop will become reachable from east.", "api.billing will become reachable from west."],
    ],
    [
      "a foreign object holding the name is said, not promised",
      [moved(fq("reviews"), { blocked: ["north"] })],
      ["reviews cannot be made reachable from north: an object the console did not make holds its ServiceEntry name there."],
    ],
    [
      "many clusters are counted, many services cut short",
      ["a", "b", "c", "d", "e", "f", "g"].map((n) => moved(fq(n), { gained: ["c1", "c2", "c3", "c4", "c5"] })),
      ["a, b, c, d, e and 2 more services will become reachable from 5 clusters."],
    ],
  ])("%s", (_name, reachability, expected) => {
    expect(exposureSummary(reachability)).toEqual(expected);
  });
});

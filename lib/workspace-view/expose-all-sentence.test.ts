import { describe, expect, it } from "vitest";
import { exposeAllSentence } from "./expose-all-sentence";
import { fq, moved } from "./test-helpers";
import type { ServiceReachability } from "./types";

const movedName = (name: string, parts: Parameters<typeof moved>[1]) => moved(fq(name), parts);

describe("exposeAllSentence", () => {
  it.each<[string, number, ServiceReachability[], string]>([
    [
      "every service reachable from the same clusters (ServiceEntry or failover)",
      2,
      [movedName("details", { gained: ["north"], failoverGained: ["west"] }), movedName("ratings", { gained: ["north", "west"] })],
      "This workspace exposes every service by default: after this, all 2 services of bookinfo-ws become reachable from north and west.",
    ],
    [
      "services reached from different clusters are said as one or more of",
      2,
      [movedName("details", { gained: ["north"] }), movedName("ratings", { gained: ["north", "west"] })],
      "This workspace exposes every service by default: after this, all 2 services of bookinfo-ws become reachable from one or more of north and west.",
    ],
    [
      "some services only: counted against all of them",
      4,
      [movedName("details", { failoverGained: ["west"] }), movedName("reviews", { lost: ["east"] })],
      "This workspace exposes every service by default: after this, 1 of the 4 services of bookinfo-ws become reachable from west.",
    ],
    ["one service", 1, [movedName("details", { gained: ["east"] })], "This workspace exposes every service by default: after this, the one service of bookinfo-ws becomes reachable from east."],
    [
      "nothing becomes reachable",
      3,
      [movedName("details", { failoverLost: ["west"] })],
      "This workspace exposes every service by default, but after this no other cluster reaches a service of bookinfo-ws it did not reach before.",
    ],
    [
      "many clusters are counted",
      1,
      [movedName("details", { gained: ["a", "b", "c", "d", "e"] })],
      "This workspace exposes every service by default: after this, the one service of bookinfo-ws becomes reachable from 5 clusters.",
    ],
  ])("%s", (_name, services, reachability, want) => {
    expect(exposeAllSentence({ workspace: "bookinfo-ws", services, reachability })).toBe(want);
  });
});

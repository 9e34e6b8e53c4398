import { describe, expect, it } from "vitest";
import { seedInput } from "@/lib/plan/test-fixtures";
import { live } from "@/lib/registry/test-helpers";
import { heldByForeign } from "./foreign-holders";
import { serviceReachability } from "./service-reachability";
import { forkOf } from "./test/plan-fork";

const DETAILS = "details.bookinfo.svc.cluster.local";
const REVIEWS = "reviews.bookinfo.svc.cluster.local";
const RATINGS = "ratings.bookinfo.svc.cluster.local";

// The seed: west and east run all of bookinfo (with gateways), north only productpage; a service exposed from
// west/east becomes reachable in north through a ServiceEntry there, and west and east each get the other's
// instance to fail over to (shadow WorkloadEntries).
describe("serviceReachability", () => {
  it.each([
    ["exposing reviews as well: north gains reviews", [DETAILS], [DETAILS, REVIEWS], [{ fqdn: REVIEWS, gained: ["north"], lost: [], kept: [], blocked: [], failoverGained: ["east", "west"], failoverLost: [] }]],
    [
      "keeping only reviews: north loses details and ratings",
      [DETAILS, RATINGS, REVIEWS],
      [REVIEWS],
      [
        { fqdn: DETAILS, gained: [], lost: ["north"], kept: [], blocked: [], failoverGained: [], failoverLost: ["east", "west"] },
        { fqdn: RATINGS, gained: [], lost: ["north"], kept: [], blocked: [], failoverGained: [], failoverLost: ["east", "west"] },
      ],
    ],
    ["the same list in another order: nothing moves", [DETAILS, REVIEWS], [REVIEWS, DETAILS], []],
  ])("%s", async (_name, was, will, expected) => {
    const { before, delta } = await forkOf(seedInput({ exposed: was }), () => seedInput({ exposed: will }));
    expect(await serviceReachability(before, delta)).toEqual(expected);
  });

  it("a foreign object under reviews' planned name in north: blocked there, never gained", async () => {
    const { before, after, delta } = await forkOf(seedInput({ exposed: [DETAILS] }), () => seedInput({ exposed: [DETAILS, REVIEWS] }));
    const reviewsSE = (after.clusters.north ?? []).find((o) => o.kind === "ServiceEntry" && o.metadata.name.includes("reviews"));
    if (!reviewsSE) throw new Error("the plan has no ServiceEntry for reviews in north");
    const held = heldByForeign([{ name: "north", stale: false, objects: [live(reviewsSE, { managers: [] })] }], after);
    expect(await serviceReachability(before, delta, held)).toEqual([{ fqdn: REVIEWS, gained: [], lost: [], kept: [], blocked: ["north"], failoverGained: ["east", "west"], failoverLost: [] }]);
  });
});

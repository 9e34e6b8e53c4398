import { describe, expect, it } from "vitest";
import { DETAILS, REVIEWS, seedInput, withCluster } from "@/lib/plan/test-fixtures";
import type { PlanInput } from "@/lib/plan/input";
import { checkOutlierDetection } from "./check-outlier-detection";
import { contextOf, rule } from "./test-helpers";

/** The console's own XCP-style rules for both exposed services in west and east. */
function withOurRules(input: PlanInput = seedInput()): PlanInput {
  for (const name of ["west", "east"]) {
    withCluster(input, name, (c) => {
      c.destinationRules = [DETAILS, REVIEWS].map((fqdn) => rule(fqdn, { namespace: "xcp-multicluster", managedByUs: true }));
    });
  }
  return input;
}

describe("checkOutlierDetection", () => {
  it.each([
    ["the console's rules everywhere", withOurRules(), "pass", "details and reviews have DestinationRules with outlierDetection wherever they run.", undefined],
    [
      "a user's short-host rule with outlier detection counts",
      withCluster(withOurRules(), "east", (c) => { c.destinationRules = [rule("details"), rule(REVIEWS, { namespace: "other" })]; }),
      "pass",
      "details and reviews have DestinationRules with outlierDetection wherever they run.",
      undefined,
    ],
    [
      "no rule yet (registry not run)",
      withCluster(withOurRules(), "east", (c) => { c.destinationRules = c.destinationRules.filter((d) => d.host !== REVIEWS); }),
      "fail",
      `${REVIEWS} in east: no DestinationRule with outlierDetection; failover will not happen there.`,
      undefined,
    ],
    [
      "a user rule without outlier detection",
      withCluster(withOurRules(), "west", (c) => { c.destinationRules = [rule("details", { name: "details", hasOutlierDetection: false }), rule(REVIEWS, { managedByUs: true })]; }),
      "fail",
      `${DETAILS} in west: DestinationRule bookinfo/details has no outlierDetection; failover will not happen there.`,
      `kubectl --context west -n bookinfo patch destinationrule details --type merge -p '{"spec":{"trafficPolicy":{"outlierDetection":{"consecutiveGatewayErrors":10,"interval":"10s","baseEjectionTime":"30s","maxEjectionPercent":100}}}}'`,
    ],
    [
      "nothing runs twice",
      withCluster(seedInput({ exposed: [DETAILS] }), "east", (c) => { c.services = c.services.filter((s) => s.name !== "details"); }),
      "warn",
      "no exposed service runs in two clusters, so nothing can fail over yet.",
      undefined,
    ],
  ])("%s", (_, input, status, reason, command) => {
    const item = checkOutlierDetection(contextOf(input));
    expect(item).toMatchObject({ id: "outlier-detection", status, reason });
    expect(item.command).toBe(command);
  });
});

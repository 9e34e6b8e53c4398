import { describe, expect, it } from "vitest";
import { bookinfoCluster, DETAILS, REVIEWS, seedInput, withCluster } from "@/lib/plan/test-fixtures";
import type { DestinationRuleInput, PlanInput } from "@/lib/plan/input";
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

/** `n` services of one namespace running in west and east (exposed: all), with or without the seed's gateways. */
function fleetOf(n: number, gateways: boolean, rules: (fqdn: string) => DestinationRuleInput[] = () => []): PlanInput {
  const names = Array.from({ length: n }, (_, i) => `s${String(i).padStart(5, "0")}`);
  const input = seedInput({ exposed: "absent" });
  input.clusters = ["west", "east"].map((c) => bookinfoCluster(c, names, gateways, { destinationRules: names.flatMap((s) => rules(`${s}.bookinfo.svc.cluster.local`)) }));
  return input;
}

describe("checkOutlierDetection at fleet scale: a grouped count with its cause, never every pair", () => {
  it.each([
    [
      "no gateways exist yet",
      fleetOf(5_000, false),
      "10,000 service×cluster pairs lack outlier detection: no east-west gateway serves the workspace yet, so the registry adds no DestinationRules (for example s00000.bookinfo.svc.cluster.local in east, s00000.bookinfo.svc.cluster.local in west and s00001.bookinfo.svc.cluster.local in east, and 9,997 more); failover will not happen there.",
      /Deploy an east-west gateway/,
    ],
    [
      "gateways, but the registry has not added its rules",
      fleetOf(3, true),
      expect.stringMatching(/^6 service×cluster pairs lack outlier detection: none has a DestinationRule with outlierDetection \(for example .*, and 3 more\); failover will not happen there\.$/),
      /registry adds one/,
    ],
    [
      "the user's rules without outlier detection",
      fleetOf(10, true, (fqdn) => [rule(fqdn, { hasOutlierDetection: false })]),
      expect.stringMatching(/^20 service×cluster pairs lack outlier detection: each has a DestinationRule of yours without outlierDetection \(/),
      /^Add outlierDetection to your DestinationRules/,
    ],
  ])("%s", (_name, input, reason, fix) => {
    const item = checkOutlierDetection(contextOf(input));
    expect(item).toMatchObject({ status: "fail", reason, fix: expect.stringMatching(fix) });
    expect(item.reason.length).toBeLessThan(600);
  });

  it("mixed causes: counts each", () => {
    const input = fleetOf(4, true, (fqdn) => (fqdn.startsWith("s00000") ? [rule(fqdn, { hasOutlierDetection: false })] : []));
    expect(checkOutlierDetection(contextOf(input)).reason).toMatch(/^8 service×cluster pairs lack outlier detection: 2 have a DestinationRule of yours without outlierDetection, 6 have no DestinationRule with it \(for example s00000/);
  });

  it("all covered: a count, not every name", () => {
    const item = checkOutlierDetection(contextOf(fleetOf(2_000, true, (fqdn) => [rule(fqdn)])));
    expect(item).toMatchObject({ status: "pass", reason: "All 2,000 exposed services that run in several clusters have DestinationRules with outlierDetection wherever they run." });
  });
});

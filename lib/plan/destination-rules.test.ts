import { describe, expect, it } from "vitest";
import { destinationRules, failoverSpec } from "./destination-rules";
import type { DestinationRuleInput, PlanInput } from "./input";
import { DETAILS, modelOf, seedInput, withCluster } from "./test-fixtures";

const built = (input: PlanInput) => destinationRules(modelOf(input));
const where = (input: PlanInput) => built(input).placed.map((p) => `${p.cluster} ${p.object.metadata.namespace}`);
const userRule = (host: string, namespace = "bookinfo", hasOutlierDetection = true): DestinationRuleInput => ({ namespace, name: "mine", host, managedByUs: false, hasOutlierDetection });

describe("failover DestinationRules", () => {
  it("enables locality failover with XCP's outlier detection", () => {
    expect(failoverSpec(DETAILS)).toEqual({
      host: DETAILS,
      trafficPolicy: {
        loadBalancer: { localityLbSetting: { enabled: true, failoverPriority: ["topology.istio.io/network"] } },
        outlierDetection: { consecutiveGatewayErrors: 10, interval: "10s", baseEjectionTime: "30s", maxEjectionPercent: 100 },
      },
    });
  });

  it.each<[string, PlanInput, string[]]>([
    ["clusters with shadow WorkloadEntries, and a ServiceEntry fed by two sources", seedInput({ exposed: [DETAILS] }), ["west bookinfo", "east bookinfo", "north xcp-multicluster"]],
    ["a ServiceEntry with one source cannot fail over: none there (east still fails over to west)", withCluster(seedInput({ exposed: [DETAILS] }), "east", (c) => (c.gateways = [])), ["east bookinfo"]],
    ["no remote source anywhere: none", withCluster(withCluster(seedInput({ exposed: [DETAILS] }), "east", (c) => (c.gateways = [])), "west", (c) => (c.gateways = [])), []],
  ])("%s", (_, input, expected) => {
    expect(where(input).sort()).toEqual([...expected].sort());
  });

  it.each<[string, DestinationRuleInput, boolean]>([
    ["short host in the service's namespace", userRule("details"), true],
    ["FQDN host in another namespace", userRule(DETAILS, "team"), true],
    ["namespace wildcard", userRule("*.bookinfo.svc.cluster.local"), true],
    ["short host in another namespace means another service", userRule("details", "team"), false],
    ["another service", userRule("reviews"), false],
    ["our own rule from an earlier plan", { ...userRule(DETAILS), managedByUs: true }, false],
  ])("the user's own rule (%s) wins: %s", (_, rule, userWins) => {
    const out = built(withCluster(seedInput({ exposed: [DETAILS] }), "west", (c) => c.destinationRules.push(rule)));
    expect(out.placed.some((p) => p.cluster === "west")).toBe(!userWins);
    expect(out.conditions.map((c) => c.reason)).toEqual(userWins ? ["UserDestinationRule"] : []);
  });

  it("warns when the user's rule has no outlier detection", () => {
    const out = built(withCluster(seedInput({ exposed: [DETAILS] }), "north", (c) => c.destinationRules.push(userRule(DETAILS, "xcp-multicluster", false))));
    expect(out.placed.some((p) => p.cluster === "north")).toBe(false);
    expect(out.conditions.map((c) => [c.reason, c.severity, c.cluster])).toEqual([
      ["UserDestinationRule", "info", "north"],
      ["UserDestinationRuleWithoutOutlierDetection", "warning", "north"],
    ]);
  });
});

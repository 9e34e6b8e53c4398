// The failover input's DestinationRules come from the clusters as they are now, the console's own included (the
// planner input keeps them stale on purpose), adapted once per DestinationRule map.
import { describe, expect, it } from "vitest";
import { clusterSnapshot, obj } from "@/lib/fleet/snapshot-fixtures";
import type { CachedObject } from "@/lib/fleet/snapshot-types";
import type { ClusterInput, PlanInput } from "@/lib/plan/input";
import { rulesOf, withLiveRules } from "./failover-rules";

const rule = (name: string, trafficPolicy: Record<string, unknown>, managedByConsole: boolean): CachedObject => {
  const base = obj("DestinationRule", name, { namespace: "bookinfo", spec: { host: "details.bookinfo.svc.cluster.local", trafficPolicy } });
  return managedByConsole ? { ...base, metadata: { ...base.metadata, managedFields: [{ manager: "eastwest-console", operation: "Apply" }] } } : base;
};

const cluster = (name: string, destinationRules: ClusterInput["destinationRules"]) => ({ name, destinationRules }) as unknown as ClusterInput;

describe("withLiveRules", () => {
  it.each([
    ["a rule with outlierDetection", rule("details-failover", { outlierDetection: { consecutiveGatewayErrors: 10 } }, true), true, undefined],
    ["XCP's rule, with its ejection cap", rule("details-failover", { outlierDetection: { consecutiveGatewayErrors: 10, maxEjectionPercent: 100 } }, true), true, 100],
    ["a rule without it", rule("details", { loadBalancer: { simple: "ROUND_ROBIN" } }, false), false, undefined],
  ])("%s: read from the snapshot, whatever the planner input says", (_name, dr, outlier, maxEjectionPercent) => {
    const west = clusterSnapshot("west", [dr]);
    const input = { clusters: [cluster("west", []), cluster("east", [])], workspaces: [] } as unknown as PlanInput;
    const out = withLiveRules(input, [west]);
    expect(out.clusters[0]?.destinationRules).toEqual([expect.objectContaining({ name: dr.metadata.name, host: "details.bookinfo.svc.cluster.local", hasOutlierDetection: outlier })]);
    expect(out.clusters[0]?.destinationRules[0]?.maxEjectionPercent).toBe(maxEjectionPercent);
    // A cluster not given keeps the planner's rules (the same object).
    expect(out.clusters[1]).toBe(input.clusters[1]);
  });

  it("adapts a DestinationRule map once", () => {
    const west = clusterSnapshot("west", [rule("details", { outlierDetection: {} }, false)]);
    expect(rulesOf(west.objects.DestinationRule)).toBe(rulesOf(west.objects.DestinationRule));
  });
});

// The HA checklist's "outlier detection" item reads DestinationRules as the clusters hold them now. The model's
// planner input keeps a cluster's previous input when only the console's own rules changed (adapter-memo.ts), so a
// checklist built on that input alone said "Fail" forever on a fleet whose registry had written every failover rule.
import { describe, expect, it } from "vitest";
import { obj } from "@/lib/fleet/snapshot-fixtures";
import type { CachedObject } from "@/lib/fleet/snapshot-types";
import { demoSnapshot } from "./test/fake-deps";
import { testModel } from "./test/test-model";
import { createViewMemo } from "./view-memo";
import { readinessOf } from "./workspace-slice";

const WS = "bookinfo-ws";
const gateway = (ip: string): CachedObject[] => [
  obj("IngressGateway", "eastwest-gateway", { namespace: "bookinfo", spec: { eastWestOnly: true } }),
  { ...obj("Service", "eastwest-gateway", { namespace: "bookinfo", spec: { type: "LoadBalancer", selector: { app: "eastwest-gateway" }, ports: [{ name: "tls", port: 15443 }] } }), status: { loadBalancer: { ingress: [{ ip }] } } },
  { ...obj("Pod", "eastwest-gateway-0", { namespace: "bookinfo", labels: { app: "eastwest-gateway" } }), status: { conditions: [{ type: "Ready", status: "True" }] } },
];
const failoverRule = obj("DestinationRule", "details-failover", {
  namespace: "bookinfo",
  spec: { host: "details.bookinfo.svc.cluster.local", trafficPolicy: { outlierDetection: { consecutiveGatewayErrors: 10, maxEjectionPercent: 100 } } },
});

const outlierItem = (checklist: ReturnType<typeof readinessOf>) => checklist.items.find((i) => i.id === "outlier-detection");

describe("readinessOf", () => {
  it.each([
    { name: "no rule in the clusters: fail", withRules: false, status: "fail" },
    { name: "a rule with outlierDetection in west and east, absent from the planner input: pass", withRules: true, status: "pass" },
  ])("$name", async ({ withRules, status }) => {
    const { model } = testModel(demoSnapshot({ west: gateway("10.0.0.1"), east: gateway("10.0.0.2") }));
    await model.settled();
    const state = model.current();
    if (!state) throw new Error("no model state");
    const rules = withRules ? [failoverRule] : [];
    const now = demoSnapshot({ west: [...gateway("10.0.0.1"), ...rules], east: [...gateway("10.0.0.2"), ...rules] });
    // The planner input as the model keeps it (without the rules), the clusters as they are now.
    const checklist = readinessOf(createViewMemo(), { adapted: state.adapted, snapshot: now }, WS);
    expect(state.adapted.input.clusters.flatMap((c) => c.destinationRules)).toEqual([]);
    expect(outlierItem(checklist)?.status).toBe(status);
  });
});

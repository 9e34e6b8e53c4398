import { describe, expect, it } from "vitest";
import { seedInput } from "@/lib/plan/test-fixtures";
import { gatewayConditionsOf, workspaceConditions, type AnyCondition } from "./workspace-conditions";

const reach = {
  name: "bookinfo-ws",
  scope: new Map([["north", ["bookinfo"]], ["west", ["bookinfo"]]]),
  clusters: ["north", "west"],
  services: ["details.bookinfo.svc.cluster.local"],
};
const c = (over: Partial<AnyCondition>): AnyCondition => ({ severity: "warning", reason: "ForeignObject", message: "m", ...over });

describe("workspaceConditions", () => {
  it.each<[string, AnyCondition, boolean]>([
    ["the workspace's own planner condition", c({ reason: "NoMatchingGateway", workspace: "bookinfo-ws" }), true],
    ["another workspace's", c({ reason: "NoMatchingGateway", workspace: "shop-ws" }), false],
    ["a foreign ServiceEntry under one of its services' names", c({ cluster: "north", subject: "ServiceEntry xcp-multicluster/global-gwinternal-details-bookinfo-svc-cluster-local" }), true],
    ["a foreign ServiceEntry for another workspace's service", c({ cluster: "north", subject: "ServiceEntry xcp-multicluster/global-gwinternal-cart-shop-svc-cluster-local" }), false],
    ["a foreign WorkloadEntry in its namespace", c({ cluster: "west", subject: "WorkloadEntry bookinfo/k-details-0123456789abcdef0123456789abcdef" }), true],
    ["a foreign WorkloadEntry in another namespace", c({ cluster: "west", subject: "WorkloadEntry shop/k-cart-0123456789abcdef0123456789abcdef" }), false],
    ["in a cluster the workspace does not span", c({ cluster: "east", subject: "WorkloadEntry bookinfo/k-details-0123456789abcdef0123456789abcdef" }), false],
    ["marked objects reported per cluster", c({ reason: "UnplannedForeignObjects", cluster: "west" }), true],
    ["a cluster-wide condition of another kind", c({ reason: "HeldStaleCluster", cluster: "west" }), false],
  ])("%s → %s", (_name, condition, shown) => {
    expect(workspaceConditions([condition], reach)).toHaveLength(shown ? 1 : 0);
  });

  it("keeps the reason, so the page can mark objects the console did not make", () => {
    expect(workspaceConditions([c({ cluster: "west", subject: "DestinationRule bookinfo/x", message: "an object named like ours" })], reach)).toEqual([
      { severity: "warning", reason: "ForeignObject", message: "an object named like ours" },
    ]);
  });
});

describe("gatewayConditionsOf", () => {
  it.each([
    ["loopback addresses allowed (the lab's setting): nothing to say", true, []],
    ["loopback addresses rejected: each serving gateway says so", false, ["east", "west"]],
  ])("%s", (_name, allowLoopback, clusters) => {
    const input = { ...seedInput(), allowLoopbackGatewayAddresses: allowLoopback };
    const ws = input.workspaces[0];
    if (!ws) throw new Error("the seed has a workspace");
    const rejected = gatewayConditionsOf(input, ws).filter((c) => c.reason === "RejectedGatewayAddress");
    expect([...new Set(rejected.map((c) => c.cluster))].sort()).toEqual(clusters);
    expect(rejected.every((c) => c.subject === "IngressGateway bookinfo/eastwest-gateway")).toBe(true);
  });
});

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

describe("workspaceConditions on a list padded with junk", () => {
  const missing = (i: number) => c({ reason: "ExposedServiceNotFound", severity: "error", workspace: "bookinfo-ws", message: `exposedServices names s-${i}.bookinfo.svc.cluster.local, but no cluster runs that service.` });
  it.each([
    ["five of a reason: each its own line", 5, 5],
    ["six or more: one line with a count and examples", 6, 1],
    ["9,998: still one line", 9_998, 1],
  ])("%s", (_name, count, lines) => {
    const shown = workspaceConditions([...Array.from({ length: count }, (_, i) => missing(i)), c({ reason: "NoMatchingGateway", severity: "info", workspace: "bookinfo-ws" })], reach);
    expect(shown.filter((s) => s.reason === "ExposedServiceNotFound")).toHaveLength(lines);
    expect(shown.filter((s) => s.reason === "NoMatchingGateway")).toHaveLength(1);
  });

  it("says how many, shows the first few, and keeps the worst severity", () => {
    const [line] = workspaceConditions(Array.from({ length: 9_998 }, (_, i) => missing(i)), reach);
    expect(line).toEqual({
      severity: "error",
      reason: "ExposedServiceNotFound",
      message:
        "9,998 conditions of one kind (ExposedServiceNotFound), for example: exposedServices names s-0.bookinfo.svc.cluster.local, but no cluster runs that service; exposedServices names s-1.bookinfo.svc.cluster.local, but no cluster runs that service; exposedServices names s-2.bookinfo.svc.cluster.local, but no cluster runs that service; and 9,995 more.",
    });
  });
});

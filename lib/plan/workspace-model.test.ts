import { describe, expect, it } from "vitest";
import type { PlanInput } from "./input";
import { workspaceModel } from "./workspace-model";
import { DETAILS, seedInput, withCluster, workspace } from "./test-fixtures";

const reasons = (input: PlanInput) => {
  const ws = input.workspaces[0] ?? workspace(undefined);
  const { model, conditions } = workspaceModel(ws, input.clusters, input);
  return { planned: model !== undefined, reasons: conditions.map((c) => `${c.severity} ${c.reason}${c.cluster ? ` ${c.cluster}` : ""}`) };
};

describe("workspace model conditions", () => {
  it.each<[string, PlanInput, boolean, string[]]>([
    ["the seed", seedInput(), true, ["info NoMatchingGateway north"]],
    ["no WorkspaceSetting", { ...seedInput(), workspaces: [workspace(undefined, { setting: undefined })] }, false, ["info NoWorkspaceSetting"]],
    ["an empty workloadSelector", { ...seedInput(), workspaces: [{ ...workspace(undefined), setting: { namespace: "bookinfo", name: "s", workloadSelector: {} } }] }, false, ["error EmptyWorkloadSelector"]],
    ["a selector matching no gateway", { ...seedInput(), workspaces: [{ ...workspace(undefined), setting: { namespace: "bookinfo", name: "s", workloadSelector: { app: "nope" }, exposedServices: [DETAILS] } }] }, true, [
      "warning NoMatchingGateway east", "info NoMatchingGateway north", "warning NoMatchingGateway west", "warning NoReachableSource",
    ]],
    ["gateways without addresses", withCluster(withCluster(seedInput({ exposed: [DETAILS] }), "west", (c) => c.gateways.forEach((g) => (g.addresses = []))), "east", (c) => c.gateways.forEach((g) => (g.addresses = []))), true, [
      "error GatewayWithoutAddresses east", "info NoMatchingGateway north", "error GatewayWithoutAddresses west", "warning NoReachableSource",
    ]],
    ["ports differing between clusters", withCluster(seedInput({ exposed: [DETAILS] }), "east", (c) => c.services.forEach((s) => (s.ports = [{ name: "http", port: 8080, protocol: "TCP" }]))), true, [
      "info NoMatchingGateway north", "warning PortsDiffer",
    ]],
    ["north running an exposed service without a gateway", seedInput({ exposed: [DETAILS], north: ["details"] }), true, ["warning NoMatchingGateway north"]],
  ])("%s", (_, input, planned, expected) => {
    const got = reasons(input);
    expect(got.planned).toBe(planned);
    expect([...got.reasons].sort()).toEqual([...expected].sort());
  });
});

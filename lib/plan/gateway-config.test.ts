import { describe, expect, it } from "vitest";
import { gatewayConfigs } from "./gateway-config";
import type { PlanInput } from "./input";
import { DETAILS, modelOf, REVIEWS, seedInput, withCluster, workspace } from "./test-fixtures";

const hostsOf = (input: PlanInput, models = [modelOf(input)]) =>
  gatewayConfigs(models).map((p) => `${p.cluster} ${p.object.metadata.namespace}/${p.object.metadata.name} ${(p.object.spec.servers as Array<{ hosts: string[] }>)[0]?.hosts.join(",") ?? ""}`);

describe("passthrough Gateways for source gateways", () => {
  it("selects the gateway pods and passes 15443 through by SNI", () => {
    const [west] = gatewayConfigs([modelOf(seedInput())]).filter((p) => p.cluster === "west");
    expect(west?.object.spec).toEqual({
      selector: { app: "eastwest-gateway", istio: "eastwestgateway" },
      servers: [{ port: { number: 15443, name: "tls", protocol: "TLS" }, tls: { mode: "AUTO_PASSTHROUGH" }, hosts: [DETAILS, REVIEWS] }],
    });
  });

  it.each<[string, PlanInput, string[]]>([
    ["the seed: both source clusters host details and reviews", seedInput(), [
      `east bookinfo/eastwest-gateway-passthrough ${DETAILS},${REVIEWS}`,
      `west bookinfo/eastwest-gateway-passthrough ${DETAILS},${REVIEWS}`,
    ]],
    ["un-exposing reviews closes it at the gateway", seedInput({ exposed: [DETAILS] }), [
      `east bookinfo/eastwest-gateway-passthrough ${DETAILS}`,
      `west bookinfo/eastwest-gateway-passthrough ${DETAILS}`,
    ]],
    ["a cluster only hosts what it runs", withCluster(seedInput(), "east", (c) => (c.services = c.services.filter((s) => s.name !== "reviews"))), [
      `east bookinfo/eastwest-gateway-passthrough ${DETAILS}`,
      `west bookinfo/eastwest-gateway-passthrough ${DETAILS},${REVIEWS}`,
    ]],
    ["a gateway without addresses gets nothing", withCluster(seedInput(), "east", (c) => c.gateways.forEach((g) => (g.addresses = []))), [
      `west bookinfo/eastwest-gateway-passthrough ${DETAILS},${REVIEWS}`,
    ]],
    ["a workspace within one cluster needs none", { ...seedInput(), workspaces: [workspace([DETAILS], { namespaceSelector: ["west/bookinfo"] })] }, []],
  ])("%s", (_, input, expected) => {
    expect(hostsOf(input)).toEqual(expected);
  });

  it("merges the workspaces sharing one gateway into one Gateway", () => {
    const input = seedInput({ exposed: [DETAILS] });
    const other = { ...input, workspaces: [workspace([REVIEWS], { name: "reviews-ws" })] };
    const placed = gatewayConfigs([modelOf(input), modelOf(other)]).filter((p) => p.cluster === "west");
    expect(placed).toHaveLength(1);
    expect(placed[0]?.object.metadata.annotations["eastwest-console.io/workspaces"]).toBe("bookinfo-ws,reviews-ws");
    expect((placed[0]?.object.spec.servers as Array<{ hosts: string[] }>)[0]?.hosts).toEqual([DETAILS, REVIEWS]);
  });
});

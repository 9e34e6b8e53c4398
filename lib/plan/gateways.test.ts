import { describe, expect, it } from "vitest";
import { selectorMatches, servingGateway } from "./gateways";
import type { GatewayInput } from "./input";
import { cluster, eastWestGateway } from "./test-fixtures";

const noTls = { ports: [{ name: "http2", port: 80, protocol: "TCP" }] };

/** The lab's loopback addresses are allowed here: these rows are about choosing, not about addresses. */
function choose(gateways: GatewayInput[], selector: Record<string, string> = { app: "eastwest-gateway" }, needed = true) {
  const out = servingGateway({ workspace: "ws", selector, cluster: cluster("west", { gateways }), namespaces: ["bookinfo"], resolved: {}, allowLoopback: true, needed });
  return {
    chosen: out.serving ? `${out.serving.gateway.namespace}/${out.serving.gateway.name} ${out.serving.addresses.join(",")}` : undefined,
    reasons: out.conditions.map((c) => `${c.severity} ${c.reason}`),
  };
}

describe("which gateway serves a workspace", () => {
  it.each([
    [{ app: "eastwest-gateway" }, { app: "eastwest-gateway", istio: "eastwestgateway" }, true],
    [{ app: "eastwest-gateway", istio: "eastwestgateway" }, { app: "eastwest-gateway", istio: "eastwestgateway" }, true],
    [{ app: "eastwest-gateway", istio: "ingressgateway" }, { app: "eastwest-gateway", istio: "eastwestgateway" }, false],
    [{ app: "other" }, { app: "eastwest-gateway" }, false],
  ])("selector %j ⊆ pod labels %j: %s", (selector, labels, expected) => {
    expect(selectorMatches(selector, labels)).toBe(expected);
  });

  it.each<[string, GatewayInput[], Record<string, string>, string | undefined, string[]]>([
    ["the seed's gateway", [eastWestGateway(["127.0.1.1"])], { app: "eastwest-gateway" }, "bookinfo/eastwest-gateway 127.0.1.1", []],
    ["a selector matching no gateway", [eastWestGateway(["127.0.1.1"])], { app: "other" }, undefined, ["warning NoMatchingGateway"]],
    ["a matching gateway without 15443 is not east-west", [eastWestGateway(["127.0.1.1"], noTls)], { app: "eastwest-gateway" }, undefined, ["warning GatewayWithout15443", "warning NoMatchingGateway"]],
    ["a gateway without addresses is chosen but flagged", [eastWestGateway([])], { app: "eastwest-gateway" }, "bookinfo/eastwest-gateway ", ["error GatewayWithoutAddresses"]],
    [
      "several: the workspace's namespace first",
      [eastWestGateway(["10.0.0.1"], { namespace: "istio-system" }), eastWestGateway(["10.0.0.2"])],
      { app: "eastwest-gateway" },
      "bookinfo/eastwest-gateway 10.0.0.2",
      ["warning SeveralGateways"],
    ],
    [
      "several in one namespace: eastWestOnly first, then by name",
      [eastWestGateway(["10.0.0.1"], { name: "a-gw", eastWestOnly: false }), eastWestGateway(["10.0.0.2"], { name: "b-gw" }), eastWestGateway(["10.0.0.3"], { name: "c-gw" })],
      { app: "eastwest-gateway" },
      "bookinfo/b-gw 10.0.0.2",
      ["warning SeveralGateways"],
    ],
  ])("%s", (_, gateways, selector, chosen, reasons) => {
    expect(choose(gateways, selector)).toEqual({ chosen, reasons });
  });

  it("only notes a missing gateway where no exposed service runs", () => {
    expect(choose([], { app: "eastwest-gateway" }, false).reasons).toEqual(["info NoMatchingGateway"]);
  });
});

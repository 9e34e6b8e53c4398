import { describe, expect, it } from "vitest";
import type { KubeObject } from "../apiserver/types";
import { gatewayAdmits } from "./gateway-admission";

const POD = { app: "eastwest-gateway", istio: "eastwestgateway", "pod-template-hash": "abc" };
const DETAILS = "details.bookinfo.svc.cluster.local";

function gateway(spec: Record<string, unknown>, name = "cross-network-gateway"): KubeObject {
  return { apiVersion: "networking.istio.io/v1", kind: "Gateway", metadata: { name, namespace: "istio-system" }, spec };
}

const server = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  port: { number: 15443, name: "tls", protocol: "TLS" },
  tls: { mode: "AUTO_PASSTHROUGH" },
  hosts: ["*.local"],
  ...overrides,
});

describe("gatewayAdmits", () => {
  it.each<[string, KubeObject[], boolean]>([
    ["Istio's cross-network gateway", [gateway({ selector: { istio: "eastwestgateway" }, servers: [server()] })], true],
    ["selector matching two labels", [gateway({ selector: { istio: "eastwestgateway", app: "eastwest-gateway" }, servers: [server()] })], true],
    ["no selector: every gateway", [gateway({ servers: [server()] })], true],
    ["empty selector: every gateway", [gateway({ selector: {}, servers: [server()] })], true],
    ["selector for another gateway", [gateway({ selector: { istio: "ingressgateway" }, servers: [server()] })], false],
    ["selector with a label the pod lacks", [gateway({ selector: { istio: "eastwestgateway", topology: "x" }, servers: [server()] })], false],
    ["ISTIO_MUTUAL on 15443", [gateway({ servers: [server({ tls: { mode: "ISTIO_MUTUAL" } })] })], false],
    ["PASSTHROUGH on 15443", [gateway({ servers: [server({ tls: { mode: "PASSTHROUGH" } })] })], false],
    ["no tls block", [gateway({ servers: [server({ tls: undefined })] })], false],
    ["AUTO_PASSTHROUGH on 443", [gateway({ servers: [server({ port: { number: 443, name: "tls", protocol: "TLS" } })] })], false],
    ["port number as a string", [gateway({ servers: [server({ port: { number: "15443" } })] })], false],
    ["hosts of another namespace", [gateway({ servers: [server({ hosts: ["*.sleep.svc.cluster.local"] })] })], false],
    ["exact host", [gateway({ servers: [server({ hosts: [DETAILS] })] })], true],
    ["namespace-prefixed host", [gateway({ servers: [server({ hosts: ["istio-system/*.svc.cluster.local"] })] })], true],
    ["second server admits", [gateway({ servers: [server({ hosts: ["x.local"] }), server({ hosts: ["*"] })] })], true],
    [
      "merged over two Gateways",
      [gateway({ servers: [server({ tls: { mode: "ISTIO_MUTUAL" } })] }, "a"), gateway({ selector: { app: "eastwest-gateway" }, servers: [server()] }, "b")],
      true,
    ],
    ["no Gateway", [], false],
    ["Gateway without servers", [gateway({ selector: { istio: "eastwestgateway" } })], false],
  ])("%s → %s", (_, gateways, expected) => {
    expect(gatewayAdmits(gateways, POD, DETAILS)).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import { clusterSnapshot, obj } from "@/lib/fleet/snapshot-fixtures";
import type { CachedObject } from "@/lib/fleet/snapshot-types";
import { gatewayState } from "./gateway-state";

const gw = obj("IngressGateway", "eastwest-gateway", { namespace: "bookinfo", labels: { "app.kubernetes.io/managed-by": "eastwest-console" }, spec: { eastWestOnly: true } });
const pod = (name: string, ready: boolean, waiting?: string): CachedObject => ({
  ...obj("Pod", name, { namespace: "bookinfo", labels: { app: "eastwest-gateway" } }),
  status: { conditions: [{ type: "Ready", status: ready ? "True" : "False" }], containerStatuses: [{ state: waiting ? { waiting: { reason: waiting } } : { running: {} } }] },
});
const service = (ports: number[], ingress: string[], type = "LoadBalancer"): CachedObject => ({
  ...obj("Service", "eastwest-gateway", { namespace: "bookinfo", spec: { type, ports: ports.map((port) => ({ port })) } }),
  status: { loadBalancer: { ingress: ingress.map((ip) => ({ ip })) } },
});

describe("gatewayState", () => {
  it.each([
    ["ready: pods ready, 15443, addresses", [pod("a", true), service([15443], ["10.0.0.1"])], "ready", []],
    ["progressing: nothing installed yet", [], "progressing", ["no gateway pods yet", "no gateway Service yet"]],
    ["progressing: waiting for the load balancer", [pod("a", true), service([15443], [])], "progressing", ["no external address published yet"]],
    ["problem: crash-looping pods", [pod("a", false, "CrashLoopBackOff"), pod("b", false, "CrashLoopBackOff"), service([15443], ["10.0.0.1"])], "problem", ["2 pods crash-looping", "addresses published but none of 2 pods ready: remote traffic to it fails"]],
    ["progressing: pods starting, no address yet", [pod("a", false), service([15443], [])], "progressing", ["none of 1 pods ready yet", "no external address published yet"]],
    ["problem: port 15443 missing", [pod("a", true), service([80], ["10.0.0.1"])], "problem", ["port 15443 missing from the Service"]],
    ["problem: ClusterIP publishes nothing", [pod("a", true), service([15443], [], "ClusterIP")], "problem", ["Service type ClusterIP publishes no external address"]],
  ] as Array<[string, CachedObject[], string, string[]]>)("%s", (_name, objects, phase, problems) => {
    const state = gatewayState(clusterSnapshot("west", [gw, ...objects]), gw);
    expect(state).toMatchObject({ cluster: "west", managedByConsole: true, phase, problems });
  });

  it("counts only pods of this gateway", () => {
    const other = { ...pod("x", true), metadata: { name: "x", namespace: "bookinfo", labels: { app: "other" } } };
    expect(gatewayState(clusterSnapshot("west", [gw, pod("a", true), other]), gw).pods).toEqual({ ready: 1, total: 1, crashLooping: 0 });
  });
});

describe("gatewayState with the planner's address conditions", () => {
  const ready = [pod("a", true), service([15443], ["127.0.0.1", "10.0.0.1"])];
  const subject = "IngressGateway bookinfo/eastwest-gateway";
  const rejected = { reason: "RejectedGatewayAddress", cluster: "west", subject, message: "address 127.0.0.1 is a loopback address; it is not published to other clusters." };
  it.each([
    ["no condition: ready", [], "ready", []],
    ["a rejected address: a problem, never Ready", [rejected], "problem", ["address 127.0.0.1 is a loopback address; it is not published to other clusters"]],
    ["an unresolved hostname", [{ ...rejected, reason: "UnresolvedGatewayHostname", message: "gateway address gw.example.com has not been resolved to IPs." }], "problem", ["gateway address gw.example.com has not been resolved to IPs"]],
    ["too many addresses", [{ ...rejected, reason: "TooManyGatewayAddresses", message: "the gateway publishes 2000 addresses; only the first 16 are used." }], "problem", ["the gateway publishes 2000 addresses; only the first 16 are used"]],
    ["another cluster's gateway: not this one's problem", [{ ...rejected, cluster: "east" }], "ready", []],
    ["another gateway in the same cluster", [{ ...rejected, subject: "IngressGateway bookinfo/other" }], "ready", []],
    ["an unrelated reason", [{ ...rejected, reason: "SeveralGateways" }], "ready", []],
  ] as Array<[string, Array<{ reason: string; cluster: string; subject: string; message: string }>, string, string[]]>)("%s", (_name, conditions, phase, problems) => {
    expect(gatewayState(clusterSnapshot("west", [gw, ...ready]), gw, conditions)).toMatchObject({ phase, problems });
  });

  it("says 'no usable address' only when the Service lists some (a pending load balancer is said already)", () => {
    const none = { reason: "GatewayWithoutAddresses", cluster: "west", subject, message: "the gateway publishes no address." };
    expect(gatewayState(clusterSnapshot("west", [gw, ...ready]), gw, [none])).toMatchObject({ phase: "problem", problems: ["the gateway publishes no address"] });
    const pending = gatewayState(clusterSnapshot("west", [gw, pod("a", true), service([15443], [])]), gw, [none]);
    expect(pending).toMatchObject({ phase: "progressing", problems: ["no external address published yet"] });
  });
});

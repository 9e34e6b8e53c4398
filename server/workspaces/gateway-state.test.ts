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
    ["problem: crash-looping pods", [pod("a", false, "CrashLoopBackOff"), pod("b", false, "CrashLoopBackOff"), service([15443], ["10.0.0.1"])], "problem", ["2 pods crash-looping", "none of 2 pods ready yet"]],
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

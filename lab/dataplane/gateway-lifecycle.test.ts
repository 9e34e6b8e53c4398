// A gateway's life: readiness of its pods, faults, drained connections, a load balancer named by DNS, removal.
import { describe, expect, it } from "vitest";
import { SERVED, SNI, withForwardingGateway } from "./gateway-test-fixture";
import { GATEWAY, ingressGateway, isError, isOk, NAMESPACE, openKeepAlive, passthroughGateway, untilOutcome } from "./gateway-test-kit";

const f = withForwardingGateway();

describe("startGateways: lifecycle", () => {
  it("refuses connections while no gateway pod is ready, and accepts again once one is", async () => {
    const pods = f.lab.store.list(f.lab.type("", "Pod"), NAMESPACE).filter((p) => p.metadata.labels?.app === GATEWAY);
    expect(pods).toHaveLength(1);
    const pod = pods[0]?.metadata.name ?? "";
    expect(f.lab.controllers.setPodFault(NAMESPACE, pod, "fail")).toBe(true);
    await untilOutcome("the gateway to refuse", () => f.send(), isError("ECONNREFUSED"));
    expect(f.lab.controllers.setPodFault(NAMESPACE, pod, "none")).toBe(true);
    await untilOutcome("the gateway to accept again", () => f.send(), isOk);
  });

  it("a stop fault refuses connections until it is cleared; latency delays forwarding", async () => {
    expect(f.gateways.setFault(NAMESPACE, "no-such-gateway", { mode: "stop" })).toBe(false);
    expect(f.gateways.setFault("istio-system", GATEWAY, { mode: "stop" })).toBe(false);
    expect(f.gateways.setFault(NAMESPACE, GATEWAY, { mode: "stop" })).toBe(true);
    await untilOutcome("the stopped gateway to refuse", () => f.send(), isError("ECONNREFUSED"));
    for (const address of f.addresses) expect(await f.send(SNI, f.client, address)).toEqual({ error: "ECONNREFUSED" });
    expect(f.gateways.setFault(NAMESPACE, GATEWAY, { mode: "none" })).toBe(true);
    await untilOutcome("the gateway to accept again", () => f.send(), isOk);

    expect(f.gateways.setFault(NAMESPACE, GATEWAY, { mode: "latency", latencyMs: 300 })).toBe(true);
    const started = performance.now();
    expect(isOk(await f.send())).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
  });

  it("a stop fault breaks the connections the gateway carried", async () => {
    const connection = await openKeepAlive(f.addresses[0] ?? "", SNI, f.client, f.lab.ca.caPem);
    expect(await connection.request()).toContain(SERVED);
    expect(f.gateways.setFault(NAMESPACE, GATEWAY, { mode: "stop" })).toBe(true);
    await connection.closed;
  });

  it("a connection whose filter chain a push removed is drained: it serves on, then is closed after the drain period", async () => {
    await f.restart({ debounceMs: 60_000, drainMs: 1_000 });
    const connection = await openKeepAlive(f.addresses[0] ?? "", SNI, f.client, f.lab.ca.caPem);
    expect(await connection.request()).toContain(SERVED);
    f.applyGateway(passthroughGateway(["*.sleep.svc.cluster.local"]));
    const pushedAt = performance.now();
    expect(await f.send()).toEqual({ error: "ECONNRESET" }); // a new connection finds no chain
    expect(await connection.request()).toContain(SERVED); // the old one drains
    await connection.closed;
    expect(performance.now() - pushedAt).toBeGreaterThanOrEqual(1_000);
  });

  it("a load balancer published by DNS name only answers on the addresses the lab's plan gives that name", async () => {
    f.lab.apply({
      apiVersion: "install.tetrate.io/v1alpha1",
      kind: "IngressGateway",
      metadata: { name: "dns-gateway", namespace: NAMESPACE },
      spec: { eastWestOnly: true, kubeSpec: { service: { annotations: { "lab.eastwest.dev/load-balancer-hostname": "east-gw.lab.internal" } } } },
    });
    const planned = f.lab.block.loadBalancerAddresses(0, NAMESPACE, "dns-gateway");
    for (const address of planned) await untilOutcome(`the DNS-named gateway on ${address}`, () => f.send(SNI, f.client, address), isOk);
    const svc = f.lab.store.get(f.lab.type("", "Service"), NAMESPACE, "dns-gateway");
    expect((svc?.status as { loadBalancer: unknown }).loadBalancer).toEqual({ ingress: [{ hostname: "east-gw.lab.internal" }] });
  });

  it("closes its listeners when the gateway is removed, and everything on stop()", async () => {
    f.lab.store.delete(f.lab.type("install.tetrate.io", "IngressGateway"), NAMESPACE, GATEWAY);
    await untilOutcome("the removed gateway to refuse", () => f.send(), isError("ECONNREFUSED"));
    expect(f.gateways.setFault(NAMESPACE, GATEWAY, { mode: "stop" })).toBe(false);
    f.lab.apply(ingressGateway());
    await untilOutcome("the reinstalled gateway to accept", () => f.send(), isOk);
    await f.gateways.stop();
    for (const address of f.addresses) expect(await f.send(SNI, f.client, address)).toEqual({ error: "ECONNREFUSED" });
  });
});

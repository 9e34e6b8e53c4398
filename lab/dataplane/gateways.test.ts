import { createServer, type Server } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../apiserver/types";
import { createLabCa } from "./lab-ca";
import {
  GATEWAY,
  ingressGateway,
  isError,
  isOk,
  NAMESPACE,
  passthroughGateway,
  portOf,
  publishedAddresses,
  openKeepAlive,
  sendThroughGateway,
  startGatewayLab,
  untilOutcome,
  type Credentials,
  type GatewayLab,
  type Outcome,
} from "./gateway-test-kit";
import { startGateways, type FlushableGateways } from "./gateways";
import { outboundSni } from "./sni";
import type { MeshEndpoint, MeshView, Workloads } from "./types";

const DETAILS = "details.bookinfo.svc.cluster.local";
const REVIEWS = "reviews.bookinfo.svc.cluster.local";
const SNI = outboundSni(9080, DETAILS);

let lab: GatewayLab;
let gateways: FlushableGateways;
let backend: Server;
let backendHits: number;
let client: Credentials;
let addresses: string[];
/** The endpoints the fake mesh view gives per FQDN (what MeshView.localEndpoints would). */
let endpoints: Map<string, MeshEndpoint[]>;
const ensured: string[] = [];

const endpoint = (port: number): MeshEndpoint => ({
  address: "127.0.0.1",
  port,
  kind: "pod",
  source: "Pod bookinfo/details-v1-abc",
  network: "west",
  locality: { region: "lab-west", zone: "lab-west-a", subzone: "" },
});

const view: MeshView = {
  resolve: () => {
    throw new Error("a gateway resolves nothing: it forwards to local endpoints only");
  },
  localEndpoints: (fqdn, port) => (port === 9080 ? (endpoints.get(fqdn) ?? []) : []),
  stop: () => undefined,
};

/** `creds` null: no client certificate at all. */
/** The pods stand-in: the backend always listens, so it only records what the gateway asked for. */
const workloads: Workloads = {
  ensureListening: (address, port) => {
    ensured.push(`${address}:${port}`);
    return Promise.resolve();
  },
  setFault: () => false,
  stop: () => Promise.resolve(),
};

const send = (sni = SNI, creds: Credentials | null = client, address = addresses[0] ?? ""): Promise<Outcome> =>
  sendThroughGateway(address, sni, creds ?? undefined, lab.ca.caPem);

const applyGateway = (gateway: KubeObject): void => {
  lab.apply(gateway);
  gateways.flush();
};

beforeEach(async () => {
  backendHits = 0;
  backend = createServer((_, res) => {
    backendHits++;
    res.setHeader("x-served-by-pod", "details-v1-abc");
    res.end(JSON.stringify({ served: "details" }));
  });
  await new Promise<void>((resolve) => backend.listen(0, "127.0.0.1", resolve));
  endpoints = new Map([[DETAILS, [endpoint(portOf(backend.address()))]]]);
  ensured.length = 0;
  lab = await startGatewayLab();
  client = await lab.ca.issue("sleep", { uri: ["spiffe://cluster.local/ns/sleep/sa/sleep"] });
  // Gateway changes reach the gateways only at istiod's push: here only when a test flushes, so a test decides
  // when the new config is in force.
  gateways = startGateways(lab.ctx, { view, workloads }, { debounceMs: 60_000 });
  lab.apply(ingressGateway());
  applyGateway(passthroughGateway(["*.local"]));
  addresses = await publishedAddresses(lab);
  await untilOutcome("the gateway to forward", () => send(), isOk);
});

afterEach(async () => {
  await gateways.stop();
  await lab.stop();
  await new Promise((resolve) => backend.close(resolve));
});

describe("startGateways", () => {
  it("listens on each published address and forwards an admitted SNI to a local endpoint", async () => {
    expect(addresses).toHaveLength(3);
    for (const address of addresses) expect(address.startsWith(`127.${lab.block.block}.0.`)).toBe(true);
    const hits = backendHits;
    for (const address of addresses) {
      const outcome = await send(SNI, client, address);
      expect(outcome).toEqual({ response: "HTTP/1.1 200 OK", body: JSON.stringify({ served: "details" }) });
    }
    expect(backendHits).toBe(hits + 3);
    const halfClosed = await sendThroughGateway(addresses[0] ?? "", SNI, client, lab.ca.caPem, { halfClose: true });
    expect(halfClosed).toEqual({ response: "HTTP/1.1 200 OK", body: JSON.stringify({ served: "details" }) });
    expect(ensured.at(-1)).toBe(`127.0.0.1:${portOf(backend.address())}`);
    expect(lab.samples).toEqual([]); // reporters are the sidecars, never the gateway
  });

  it("resets an SNI that no Gateway admits, or that is not an outbound cluster name, or has no local endpoint", async () => {
    applyGateway(passthroughGateway([DETAILS]));
    endpoints.set(REVIEWS, [endpoint(portOf(backend.address()))]);
    const hits = backendHits;
    expect(await send(outboundSni(9080, REVIEWS))).toEqual({ error: "ECONNRESET" });
    expect(await send("details.bookinfo.svc.cluster.local")).toEqual({ error: "ECONNRESET" });
    expect(await send(outboundSni(9080, DETAILS, "v1"))).toEqual({ error: "ECONNRESET" });
    expect(await send(outboundSni(9081, DETAILS))).toEqual({ error: "ECONNRESET" });
    endpoints.set(DETAILS, []);
    expect(await send()).toEqual({ error: "ECONNRESET" });
    expect(backendHits).toBe(hits);
  });

  it.each([
    ["tls.mode ISTIO_MUTUAL", passthroughGateway(["*.local"], { mode: "ISTIO_MUTUAL" })],
    ["tls.mode PASSTHROUGH", passthroughGateway(["*.local"], { mode: "PASSTHROUGH" })],
    ["port 443", passthroughGateway(["*.local"], { port: 443 })],
    ["a selector for other gateways", passthroughGateway(["*.local"], { selector: { istio: "ingressgateway" } })],
  ])("resets when the only Gateway has %s", async (_, gateway) => {
    applyGateway(gateway);
    expect(await send()).toEqual({ error: "ECONNRESET" });
    lab.store.delete(lab.type("networking.istio.io", "Gateway"), NAMESPACE, "cross-network-gateway");
    gateways.flush();
    expect(await send()).toEqual({ error: "ECONNRESET" });
  });

  it("a Gateway change is in force from istiod's next push, not before", async () => {
    lab.apply(passthroughGateway(["*.sleep.svc.cluster.local"]));
    expect(isOk(await send())).toBe(true);
    gateways.flush();
    expect(await send()).toEqual({ error: "ECONNRESET" });
  });

  it("a connection whose filter chain a push removed is drained: it serves on, then is closed after the drain period", async () => {
    await gateways.stop();
    gateways = startGateways(lab.ctx, { view, workloads }, { debounceMs: 60_000, drainMs: 1_000 });
    await untilOutcome("the new gateways to forward", () => send(), isOk);
    const connection = await openKeepAlive(addresses[0] ?? "", SNI, client, lab.ca.caPem);
    expect(await connection.request()).toContain(JSON.stringify({ served: "details" }));
    lab.apply(passthroughGateway(["*.sleep.svc.cluster.local"]));
    gateways.flush();
    const pushedAt = performance.now();
    expect(await send()).toEqual({ error: "ECONNRESET" }); // a new connection finds no chain
    expect(await connection.request()).toContain(JSON.stringify({ served: "details" })); // the old one drains
    await connection.closed;
    expect(performance.now() - pushedAt).toBeGreaterThanOrEqual(1_000);
  });

  it("refuses a client without a certificate, or with one from another CA", async () => {
    const hits = backendHits;
    const none = await send(SNI, null);
    expect(none).toEqual({ error: "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED" });
    const stranger = await (await createLabCa("another-root")).issue("sleep", {});
    // TLS 1.3: the client is done with its handshake before the gateway checks its certificate; then it is reset.
    expect(await send(SNI, stranger)).toEqual({ error: "ECONNRESET" });
    expect(backendHits).toBe(hits);
  });

  it("refuses connections while no gateway pod is ready, and accepts again once one is", async () => {
    const pods = lab.store.list(lab.type("", "Pod"), NAMESPACE).filter((p) => p.metadata.labels?.app === GATEWAY);
    expect(pods).toHaveLength(1);
    const pod = pods[0]?.metadata.name ?? "";
    expect(lab.controllers.setPodFault(NAMESPACE, pod, "fail")).toBe(true);
    await untilOutcome("the gateway to refuse", () => send(), isError("ECONNREFUSED"));
    expect(lab.controllers.setPodFault(NAMESPACE, pod, "none")).toBe(true);
    await untilOutcome("the gateway to accept again", () => send(), isOk);
  });

  it("a stop fault refuses connections until it is cleared; latency delays forwarding", async () => {
    expect(gateways.setFault(NAMESPACE, "no-such-gateway", { mode: "stop" })).toBe(false);
    expect(gateways.setFault("istio-system", GATEWAY, { mode: "stop" })).toBe(false);
    expect(gateways.setFault(NAMESPACE, GATEWAY, { mode: "stop" })).toBe(true);
    await untilOutcome("the stopped gateway to refuse", () => send(), isError("ECONNREFUSED"));
    for (const address of addresses) expect(await send(SNI, client, address)).toEqual({ error: "ECONNREFUSED" });
    expect(gateways.setFault(NAMESPACE, GATEWAY, { mode: "none" })).toBe(true);
    await untilOutcome("the gateway to accept again", () => send(), isOk);

    expect(gateways.setFault(NAMESPACE, GATEWAY, { mode: "latency", latencyMs: 300 })).toBe(true);
    const started = performance.now();
    expect(isOk(await send())).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
  });

  it("a load balancer published by DNS name only answers on the addresses the lab's plan gives that name", async () => {
    lab.apply({
      apiVersion: "install.tetrate.io/v1alpha1",
      kind: "IngressGateway",
      metadata: { name: "dns-gateway", namespace: NAMESPACE },
      spec: { eastWestOnly: true, kubeSpec: { service: { annotations: { "lab.eastwest.dev/load-balancer-hostname": "east-gw.lab.internal" } } } },
    });
    const planned = lab.block.loadBalancerAddresses(0, NAMESPACE, "dns-gateway");
    for (const address of planned) await untilOutcome(`the DNS-named gateway on ${address}`, () => send(SNI, client, address), isOk);
    const svc = lab.store.get(lab.type("", "Service"), NAMESPACE, "dns-gateway");
    expect((svc?.status as { loadBalancer: unknown }).loadBalancer).toEqual({ ingress: [{ hostname: "east-gw.lab.internal" }] });
  });

  it("closes its listeners when the gateway is removed, and everything on stop()", async () => {
    lab.store.delete(lab.type("install.tetrate.io", "IngressGateway"), NAMESPACE, GATEWAY);
    await untilOutcome("the removed gateway to refuse", () => send(), isError("ECONNREFUSED"));
    expect(gateways.setFault(NAMESPACE, GATEWAY, { mode: "stop" })).toBe(false);
    lab.apply(ingressGateway());
    await untilOutcome("the reinstalled gateway to accept", () => send(), isOk);
    await gateways.stop();
    for (const address of addresses) expect(await send(SNI, client, address)).toEqual({ error: "ECONNREFUSED" });
  });
});

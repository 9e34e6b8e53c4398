// Routing: what a gateway forwards, and what it resets as an Envoy with no filter chain for the SNI would.
import { describe, expect, it } from "vitest";
import { createLabCa } from "./lab-ca";
import { DETAILS, SERVED, SNI, withForwardingGateway } from "./gateway-test-fixture";
import { isOk, NAMESPACE, passthroughGateway, sendThroughGateway } from "./gateway-test-kit";
import { outboundSni } from "./sni";

const REVIEWS = "reviews.bookinfo.svc.cluster.local";
const f = withForwardingGateway();

describe("startGateways: routing", () => {
  it("listens on each published address and forwards an admitted SNI to a local endpoint", async () => {
    expect(f.addresses).toHaveLength(3);
    for (const address of f.addresses) expect(address.startsWith(`127.${f.lab.block.block}.0.`)).toBe(true);
    const hits = f.backendHits;
    for (const address of f.addresses) {
      expect(await f.send(SNI, f.client, address)).toEqual({ response: "HTTP/1.1 200 OK", body: SERVED });
    }
    expect(f.backendHits).toBe(hits + 3);
    const halfClosed = await sendThroughGateway(f.addresses[0] ?? "", SNI, f.client, f.lab.ca.caPem, { halfClose: true });
    expect(halfClosed).toEqual({ response: "HTTP/1.1 200 OK", body: SERVED });
    expect(f.ensured.at(-1)).toBe(`127.0.0.1:${f.endpoint().port}`);
    expect(f.lab.samples).toEqual([]); // reporters are the sidecars, never the gateway
  });

  it("resets an SNI that no Gateway admits, or that is not an outbound cluster name, or has no local endpoint", async () => {
    f.applyGateway(passthroughGateway([DETAILS]));
    f.endpoints.set(REVIEWS, [f.endpoint()]);
    const hits = f.backendHits;
    expect(await f.send(outboundSni(9080, REVIEWS))).toEqual({ error: "ECONNRESET" });
    expect(await f.send("details.bookinfo.svc.cluster.local")).toEqual({ error: "ECONNRESET" });
    expect(await f.send(outboundSni(9080, DETAILS, "v1"))).toEqual({ error: "ECONNRESET" }); // no DestinationRule subset
    expect(await f.send(outboundSni(9081, DETAILS))).toEqual({ error: "ECONNRESET" });
    f.endpoints.set(DETAILS, []);
    expect(await f.send()).toEqual({ error: "ECONNRESET" });
    expect(f.backendHits).toBe(hits);
  });

  it.each([
    ["tls.mode ISTIO_MUTUAL", passthroughGateway(["*.local"], { mode: "ISTIO_MUTUAL" })],
    ["tls.mode PASSTHROUGH", passthroughGateway(["*.local"], { mode: "PASSTHROUGH" })],
    ["port 443", passthroughGateway(["*.local"], { port: 443 })],
    ["a selector for other gateways", passthroughGateway(["*.local"], { selector: { istio: "ingressgateway" } })],
  ])("resets when the only Gateway has %s", async (_, gateway) => {
    f.applyGateway(gateway);
    expect(await f.send()).toEqual({ error: "ECONNRESET" });
    f.lab.store.delete(f.lab.type("networking.istio.io", "Gateway"), NAMESPACE, "cross-network-gateway");
    f.gateways.flush();
    expect(await f.send()).toEqual({ error: "ECONNRESET" });
  });

  it("a Gateway change is in force from istiod's next push, not before", async () => {
    f.lab.apply(passthroughGateway(["*.sleep.svc.cluster.local"]));
    expect(isOk(await f.send())).toBe(true);
    f.gateways.flush();
    expect(await f.send()).toEqual({ error: "ECONNRESET" });
  });

  it("refuses a client without a certificate, or with one from another CA", async () => {
    const hits = f.backendHits;
    expect(await f.send(SNI, null)).toEqual({ error: "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED" });
    const stranger = await (await createLabCa("another-root")).issue("sleep", {});
    // TLS 1.3: the client is done with its handshake before the gateway checks its certificate; then it is reset.
    expect(await f.send(SNI, stranger)).toEqual({ error: "ECONNRESET" });
    expect(f.backendHits).toBe(hits);
  });
});

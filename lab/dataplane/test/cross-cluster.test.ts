// Must hold (issue #11), mesh objects written by hand: north, which runs no details, reaches details only through
// the ServiceEntry in its own xcp-multicluster and west's or east's east-west gateway; without the ServiceEntry
// the name does not resolve, as a sidecar's application sees it; and a remote Gateway object that does not admit
// the host on 15443 in AUTO_PASSTHROUGH makes that gateway refuse it (Envoy finds no filter chain for the SNI
// and resets the connection).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyObject } from "./lab-store";
import { exposeByHand, installGateways, sourceOf, type GatewayAddresses } from "./hand-mesh";
import { fqdn, GATEWAY_NAME, GATEWAY_NAMESPACE, passthroughGateway, remoteServiceEntry, type PassthroughOptions } from "./mesh-fixtures";
import { startTrafficLab, type TrafficLab } from "./traffic-lab";
import { CONNECT_FAILURE, freshWorkloads, ok, outcomes, send, serviceUrl, servedBy, untilEvery } from "./traffic";

let env: TrafficLab;
let addresses: GatewayAddresses;
const plane = () => env.lab.dataPlane;
const DETAILS = serviceUrl("details");
const fresh = freshWorkloads("cross");

beforeAll(async () => {
  env = await startTrafficLab();
  addresses = await installGateways(env.lab);
}, 60_000);

afterAll(async () => {
  await env?.stop();
});

describe("north reaches details through the gateways of west and east (objects by hand)", () => {
  it("without a ServiceEntry in north, details is an unknown host: the lookup fails and nothing is served", async () => {
    const results = await send(plane(), "north", DETAILS, 3, fresh());
    for (const r of results) {
      expect(r.status, JSON.stringify(r)).toBe(0);
      expect(r.servedByCluster).toBeNull();
      expect(r.error).toMatch(/ENOTFOUND details\.bookinfo\.svc\.cluster\.local/);
    }
  });

  it("with its ServiceEntry and AUTO_PASSTHROUGH Gateways in west and east, every request is served by west's or east's details", async () => {
    exposeByHand(env.lab, addresses);
    const { batch } = await untilEvery(plane(), "north", DETAILS, ok, { what: "north's requests to details answered", batchSize: 12, workload: fresh });
    for (const r of batch) {
      expect(["west", "east"]).toContain(r.servedByCluster);
      expect(r.servedByPod).toMatch(/^details-v1-/);
    }
    const reviews = await untilEvery(plane(), "north", serviceUrl("reviews"), ok, { what: "north's requests to reviews answered", workload: fresh });
    for (const r of reviews.batch) expect(r.servedByPod, JSON.stringify(r)).toMatch(/^reviews-v[123]-/);
  });

  it("one sidecar with eight requests at once opens more connections to the gateways, resuming TLS sessions: every request is answered", async () => {
    const workload = fresh();
    await untilEvery(plane(), "north", DETAILS, ok, { what: "north's requests answered", batchSize: 2, workload });
    const batches = await Promise.all(Array.from({ length: 8 }, () => send(plane(), "north", DETAILS, 25, workload)));
    const all = batches.flat();
    expect(outcomes(all.filter((r) => !ok(r)))).toEqual({});
    expect(all.every((r) => r.servedByCluster === "west" || r.servedByCluster === "east")).toBe(true);
  });

  it("the path is the gateways': with both gateways' listeners stopped, north's requests fail; started again, they are served", async () => {
    for (const c of ["west", "east"]) expect(plane().setGatewayFault(c, GATEWAY_NAMESPACE, GATEWAY_NAME, { mode: "stop" })).toBe(true);
    try {
      const { batch } = await untilEvery(plane(), "north", DETAILS, (r) => !ok(r), { what: "north's requests failing", workload: fresh });
      for (const r of batch) expect(r.servedByCluster, JSON.stringify(r)).toBeNull();
      expect(batch[0]?.responseFlags).toMatch(CONNECT_FAILURE);
    } finally {
      for (const c of ["west", "east"]) plane().setGatewayFault(c, GATEWAY_NAMESPACE, GATEWAY_NAME, { mode: "none" });
    }
    await untilEvery(plane(), "north", DETAILS, ok, { what: "north's requests served again", workload: fresh });
  });
});

// North's ServiceEntry for details lists only east's gateway here, so every request of north's goes to it.
describe("a Gateway in east that does not admit details on 15443 makes east's gateway refuse it (objects by hand)", () => {
  const admitting: PassthroughOptions = { hosts: [fqdn("details"), fqdn("reviews")] };
  const cases: Array<[string, PassthroughOptions]> = [
    ["its hosts lack details", { hosts: [fqdn("reviews")] }],
    ["its TLS server is on 15444, not 15443", { ...admitting, port: 15444 }],
    ["its TLS mode is PASSTHROUGH, which routes on the host's own SNI, not Istio's outbound_ name", { ...admitting, mode: "PASSTHROUGH" }],
  ];

  beforeAll(() => {
    applyObject(env.lab, "north", remoteServiceEntry(fqdn("details"), [sourceOf(addresses, "east")]));
  });

  it.each(cases)("%s: north's requests fail at east's gateway; admitted again, they are served by east", async (_name, gateway) => {
    await untilEvery(plane(), "north", DETAILS, servedBy("east"), { what: "north's requests served by east", workload: fresh });
    applyObject(env.lab, "east", passthroughGateway(gateway));
    try {
      // A fresh source workload per batch: what fails is the gateway's refusal, not an ejection of earlier batches.
      const { batch } = await untilEvery(plane(), "north", DETAILS, (r) => !ok(r), { what: "east's gateway refusing details", batchSize: 2, workload: fresh });
      const more = await send(plane(), "north", DETAILS, 2, fresh());
      for (const r of [...batch, ...more]) {
        expect(r.servedByCluster, JSON.stringify(outcomes([...batch, ...more]))).toBeNull();
        expect(r.responseFlags, JSON.stringify(r)).toMatch(CONNECT_FAILURE);
        expect(r.error).toBeTruthy();
      }
    } finally {
      applyObject(env.lab, "east", passthroughGateway(admitting));
    }
    await untilEvery(plane(), "north", DETAILS, servedBy("east"), { what: "north's requests served by east again", workload: fresh });
  });
});

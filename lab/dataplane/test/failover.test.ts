// Must hold (issue #11), mesh objects written by hand: west runs details and reviews and has shadow WorkloadEntries
// for east's (east's gateway addresses, port http → 15443) and XCP's failover DestinationRule. West's requests stay
// in west while its pods serve; they move to east when its details pods are scaled away (the endpoints go) or answer
// 503 (outlier detection ejects them), and come back when the pods do. Shadows that are wrong — an address where
// nothing listens, a port map to a port the gateway does not serve, labels the Service does not select — do not
// fail over: the requests fail and say why. Scaling one reviews version away fails nothing over; all of them does
// (domain.md §3.8: without subsets every version is an endpoint of the one Service).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KubeObject } from "../../apiserver/types";
import type { PodTrafficFault, RequestResult } from "../types";
import { applyObject, deleteObject, readyPods, scaleDeployment, untilReadyPods } from "./lab-store";
import { exposeByHand, installGateways, sourceOf, type GatewayAddresses } from "./hand-mesh";
import { EAST_WEST_PORT, shadowWorkloadEntries, type ShadowOptions } from "./mesh-fixtures";
import { startTrafficLab, type TrafficLab } from "./traffic-lab";
import { CONNECT_FAILURE, freshWorkloads, outcomes, send, serviceUrl, servedBy, untilEvery } from "./traffic";

let env: TrafficLab;
let addresses: GatewayAddresses;
const plane = () => env.lab.dataPlane;
const DETAILS = serviceUrl("details");
const REVIEWS = serviceUrl("reviews");
const fresh = freshWorkloads("failover");

const scale = async (deployment: string, replicas: number, app: string, version = "v1") => {
  scaleDeployment(env.lab, "west", "bookinfo", deployment, replicas);
  await untilReadyPods(env.lab, "west", "bookinfo", { app, version }, replicas);
};

beforeAll(async () => {
  env = await startTrafficLab();
  addresses = await installGateways(env.lab);
  exposeByHand(env.lab, addresses);
}, 60_000);

afterAll(async () => {
  await env?.stop();
});

describe("west's details fail over to east through the shadow WorkloadEntries (objects by hand)", () => {
  it("scaling details-v1 in west to 0 moves west's requests to east; scaling it back returns them to west", async () => {
    const workload = fresh();
    await untilEvery(plane(), "west", DETAILS, servedBy("west"), { what: "west's requests served by west", batchSize: 10, workload });
    await scale("details-v1", 0, "details");
    const away = await untilEvery(plane(), "west", DETAILS, servedBy("east"), { what: "west's requests served by east", batchSize: 10, workload });
    for (const r of away.batch) expect(r.servedByPod).toMatch(/^details-v1-/);
    await scale("details-v1", 1, "details");
    await untilEvery(plane(), "west", DETAILS, servedBy("west"), { what: "west's requests back in west", batchSize: 10, workload });
  });

  // Envoy counts a 5xx response and a refused connection alike towards consecutive errors (and retries both).
  const faults: Array<[string, PodTrafficFault, (r: RequestResult) => boolean]> = [
    ["answering 503", { mode: "error", status: 503 }, (r) => r.status === 503],
    ["refusing connections", { mode: "refuse" }, (r) => r.status === 503 && CONNECT_FAILURE.test(r.responseFlags)],
  ];

  it.each(faults)("west's details pods %s: the errors are seen, then outlier detection (XCP's rule) moves the requests to east", async (_name, fault, seen) => {
    const workload = fresh();
    const pods = readyPods(env.lab, "west", "bookinfo", { app: "details" });
    // Served by those pods: a pod of an earlier scale-down may still serve until the next push (it is Terminating).
    const byThesePods = (r: RequestResult) => servedBy("west")(r) && pods.includes(r.servedByPod ?? "");
    await untilEvery(plane(), "west", DETAILS, byThesePods, { what: "west's requests served by west's ready pods", workload });
    expect(pods.length).toBeGreaterThan(0);
    for (const pod of pods) expect(plane().setPodFault("west", "bookinfo", pod, fault)).toBe(true);
    try {
      const { before } = await untilEvery(plane(), "west", DETAILS, servedBy("east"), { what: "west's requests served by east", batchSize: 1, workload });
      // Ejection needs consecutive errors first: a client sees some, and no more than XCP's 10.
      expect(before.length, JSON.stringify(outcomes(before))).toBeGreaterThan(0);
      expect(before.length, JSON.stringify(outcomes(before))).toBeLessThanOrEqual(10);
      for (const r of before) expect(seen(r), JSON.stringify(r)).toBe(true);
      const after = await send(plane(), "west", DETAILS, 10, workload);
      expect(outcomes(after)).toEqual({ "200 east": 10 });
    } finally {
      for (const pod of pods) plane().setPodFault("west", "bookinfo", pod, { mode: "none" });
    }
  });
});

describe("wrong shadow WorkloadEntries do not fail over: the errors are seen (objects by hand)", () => {
  const good = (): KubeObject[] => shadowWorkloadEntries("details", sourceOf(addresses, "east"));
  const broken = (options: ShadowOptions, address?: string): KubeObject[] =>
    shadowWorkloadEntries("details", { cluster: "east", addresses: [address ?? addresses.east?.[0] ?? ""] }, options).map((e) => ({ ...e, metadata: { ...e.metadata, name: "k-details-broken" } }));
  // Third octet 255 of the lab's /16 is never a pod's or a load balancer's (address-plan.ts): nothing listens there.
  const nowhere = () => (addresses.east?.[0] ?? "").replace(/^(127\.\d+)\.\d+\.\d+$/, "$1.255.1");
  // What the first request of a new client says: Envoy's flags and the text its application gets.
  const refused = { flags: CONNECT_FAILURE, error: /upstream connect error or disconnect\/reset before headers/ };
  const cases: Array<[string, () => KubeObject[], { flags: RegExp; error: RegExp }]> = [
    ["an address where nothing listens", () => broken({}, nowhere()), refused],
    ["port http mapped to 15444, which the gateway does not serve", () => broken({ ports: { http: EAST_WEST_PORT + 1 } }), refused],
    ["labels the Service does not select (app: detail)", () => broken({ labels: { app: "detail" } }), { flags: /UH/, error: /no healthy upstream/ }],
  ];

  beforeAll(async () => {
    await scale("details-v1", 0, "details");
  });

  afterAll(async () => {
    await scale("details-v1", 1, "details");
  });

  it.each(cases)("%s: west's requests fail and none is served by east", async (_name, entries, first) => {
    await untilEvery(plane(), "west", DETAILS, servedBy("east"), { what: "west's requests served by east (good shadows)", workload: fresh });
    for (const e of good()) deleteObject(env.lab, "west", e);
    for (const e of entries()) applyObject(env.lab, "west", e);
    try {
      const { batch } = await untilEvery(plane(), "west", DETAILS, (r) => r.status !== 200, { what: "west's requests failing", batchSize: 2, workload: fresh });
      const more = await send(plane(), "west", DETAILS, 6, fresh());
      for (const r of [...batch, ...more]) {
        expect(r.servedByCluster, JSON.stringify(outcomes([...batch, ...more]))).toBeNull();
        expect(r.error, JSON.stringify(r)).toBeTruthy();
      }
      // The first request of a fresh client meets the broken entry itself, before any ejection.
      expect(more[0]?.responseFlags, JSON.stringify(more[0])).toMatch(first.flags);
      expect(more[0]?.error, JSON.stringify(more[0])).toMatch(first.error);
    } finally {
      for (const e of entries()) deleteObject(env.lab, "west", e);
      for (const e of good()) applyObject(env.lab, "west", e);
    }
    await untilEvery(plane(), "west", DETAILS, servedBy("east"), { what: "west's requests served by east again", workload: fresh });
  });
});

describe("reviews: one version scaled away fails nothing over, all of them do (objects by hand)", () => {
  it("reviews-v2 at 0 keeps west's requests in west; v1 and v3 at 0 too moves them to east; back, they return", async () => {
    const workload = fresh();
    await untilEvery(plane(), "west", REVIEWS, servedBy("west"), { what: "west's reviews served by west", batchSize: 10, workload });
    await scale("reviews-v2", 0, "reviews", "v2");
    const notV2 = (r: { servedByPod: string | null }) => !(r.servedByPod ?? "").startsWith("reviews-v2-");
    await untilEvery(plane(), "west", REVIEWS, (r) => servedBy("west")(r) && notV2(r), { what: "west's reviews served by v1/v3 in west", batchSize: 10, workload });
    const steady = await send(plane(), "west", REVIEWS, 20, workload);
    expect(outcomes(steady)).toEqual({ "200 west": 20 });
    await scale("reviews-v1", 0, "reviews", "v1");
    await scale("reviews-v3", 0, "reviews", "v3");
    await untilEvery(plane(), "west", REVIEWS, servedBy("east"), { what: "west's reviews served by east", batchSize: 10, workload });
    for (const [deployment, version] of [["reviews-v1", "v1"], ["reviews-v2", "v2"], ["reviews-v3", "v3"]] as const) await scale(deployment, 1, "reviews", version);
    await untilEvery(plane(), "west", REVIEWS, servedBy("west"), { what: "west's reviews back in west", batchSize: 10, workload });
  });
});

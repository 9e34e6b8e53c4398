// Must hold (issue #11), with the console's registry writing the mesh objects: the lab's data plane routes only from
// what each cluster's store holds, so these requests succeed or fail on the registry's ServiceEntries, shadow
// WorkloadEntries, failover DestinationRules and AUTO_PASSTHROUGH Gateways alone. North reaches details only
// once the registry has written them; west fails over to east when its details are scaled away or answer 503, and
// comes back; one reviews version gone fails nothing over, all of them do; a gateway address where nothing answers
// (published by the xcp external-addresses annotation) does not fail over, the errors are seen; and east's
// Gateway edited by hand to stop admitting details makes east's gateway refuse it until the registry repairs it;
// un-exposing details takes away what the registry wrote for it, and the traffic with it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestResult } from "@/lab/dataplane/types";
import { EXTERNAL_ADDRESSES_ANNOTATION } from "@/lib/plan/gateway-addresses";
import { applyObject, readyPods, scaleDeployment, storeOf, untilReadyPods } from "@/lab/dataplane/test/lab-store";
import { fqdn, passthroughGateway } from "@/lab/dataplane/test/mesh-fixtures";
import { CONNECT_FAILURE, freshWorkloads, ok, outcomes, send, serviceUrl, servedBy, untilEvery } from "@/lab/dataplane/test/traffic";
import type { FleetLister } from "@/server/kube/writer-fleet-lister";
import { converge, EXPOSE_DETAILS_AND_REVIEWS, exposeWithGateways, startLabRegistry, startRegistryLab, type RegistryLab, type WriteLog } from "./test/lab-fixture";
import type { SourceRegistry } from "./model-registry";

let env: RegistryLab;
let lister: FleetLister;
let registry: SourceRegistry | undefined;
let gatewayIps: Record<string, string[]>;
const log: WriteLog = [];
const plane = () => env.lab.dataPlane;
const DETAILS = serviceUrl("details");
const REVIEWS = serviceUrl("reviews");
const fresh = freshWorkloads("registry");

const scale = async (deployment: string, replicas: number, app: string, version = "v1") => {
  scaleDeployment(env.lab, "west", "bookinfo", deployment, replicas);
  await untilReadyPods(env.lab, "west", "bookinfo", { app, version }, replicas);
};

/** Addresses of west's WorkloadEntries that its `service` selects (the registry's shadows). */
function shadowAddresses(service: string): string[] {
  const store = storeOf(env.lab, "west");
  const type = store.types.byKind("networking.istio.io", "WorkloadEntry");
  if (!type) throw new Error("the lab serves no WorkloadEntry");
  const entries = store.list(type, "bookinfo").filter((e) => (e.spec as { labels?: Record<string, string> }).labels?.app === service);
  return entries.map((e) => (e.spec as { address?: string }).address ?? "");
}

beforeAll(async () => {
  env = await startRegistryLab();
}, 60_000);

afterAll(async () => {
  await registry?.stop();
  await env?.stop();
});

describe("north reaches details through the registry's objects", () => {
  it("before the registry wrote anything, details is an unknown host in north", async () => {
    for (const r of await send(plane(), "north", DETAILS, 3, fresh())) {
      expect(r.status, JSON.stringify(r)).toBe(0);
      expect(r.error).toMatch(/ENOTFOUND details\.bookinfo\.svc\.cluster\.local/);
    }
  });

  it("gateways everywhere, details and reviews exposed, the registry converged: north's requests are served by west or east", async () => {
    gatewayIps = await exposeWithGateways(env);
    lister = env.newLister();
    registry = startLabRegistry(env, lister, log);
    await converge(lister, registry);
    const { batch } = await untilEvery(plane(), "north", DETAILS, ok, { what: "north's requests to details answered", batchSize: 12, workload: fresh });
    for (const r of batch) expect(["west", "east"]).toContain(r.servedByCluster);
    const reviews = await untilEvery(plane(), "north", REVIEWS, ok, { what: "north's requests to reviews answered", workload: fresh });
    for (const r of reviews.batch) expect(["west", "east"]).toContain(r.servedByCluster);
  }, 60_000);
});

describe("west fails over to east through the registry's shadow WorkloadEntries", () => {
  it("details-v1 in west scaled to 0 moves west's requests to east; scaled back, they return", async () => {
    const workload = fresh();
    await untilEvery(plane(), "west", DETAILS, servedBy("west"), { what: "west's requests served by west", batchSize: 10, workload });
    await scale("details-v1", 0, "details");
    await untilEvery(plane(), "west", DETAILS, servedBy("east"), { what: "west's requests served by east", batchSize: 10, workload });
    await scale("details-v1", 1, "details");
    await untilEvery(plane(), "west", DETAILS, servedBy("west"), { what: "west's requests back in west", batchSize: 10, workload });
  });

  it("west's details pods answering 503: a few 503s, then the registry's DestinationRule's outlier detection moves them to east", async () => {
    const workload = fresh();
    const pods = readyPods(env.lab, "west", "bookinfo", { app: "details" });
    // Served by those pods: a pod of an earlier scale-down may still serve until the next push (it is Terminating).
    const byThesePods = (r: RequestResult) => servedBy("west")(r) && pods.includes(r.servedByPod ?? "");
    await untilEvery(plane(), "west", DETAILS, byThesePods, { what: "west's requests served by west's ready pods", workload });
    for (const pod of pods) expect(plane().setPodFault("west", "bookinfo", pod, { mode: "error", status: 503 })).toBe(true);
    try {
      const { before } = await untilEvery(plane(), "west", DETAILS, servedBy("east"), { what: "west's requests served by east", batchSize: 1, workload });
      expect(before.length, JSON.stringify(outcomes(before))).toBeGreaterThan(0);
      expect(before.length, JSON.stringify(outcomes(before))).toBeLessThanOrEqual(10);
      expect(outcomes(await send(plane(), "west", DETAILS, 10, workload))).toEqual({ "200 east": 10 });
    } finally {
      for (const pod of pods) plane().setPodFault("west", "bookinfo", pod, { mode: "none" });
    }
  });

  it("reviews-v2 alone at 0 fails nothing over; all reviews versions at 0 do", async () => {
    const workload = fresh();
    await scale("reviews-v2", 0, "reviews", "v2");
    const notV2 = (r: { servedByPod: string | null }) => !(r.servedByPod ?? "").startsWith("reviews-v2-");
    await untilEvery(plane(), "west", REVIEWS, (r) => servedBy("west")(r) && notV2(r), { what: "west's reviews served by v1/v3 in west", batchSize: 10, workload });
    expect(outcomes(await send(plane(), "west", REVIEWS, 20, workload))).toEqual({ "200 west": 20 });
    await scale("reviews-v1", 0, "reviews", "v1");
    await scale("reviews-v3", 0, "reviews", "v3");
    await untilEvery(plane(), "west", REVIEWS, servedBy("east"), { what: "west's reviews served by east", batchSize: 10, workload });
    for (const [deployment, version] of [["reviews-v1", "v1"], ["reviews-v2", "v2"], ["reviews-v3", "v3"]] as const) await scale(deployment, 1, "reviews", version);
    await untilEvery(plane(), "west", REVIEWS, servedBy("west"), { what: "west's reviews back in west", batchSize: 10, workload });
  });
});

// With west's details scaled away, east's gateway is the only place west's requests for details can go.
describe("what the registry writes decides whether west's requests reach east", () => {
  beforeAll(async () => {
    await scale("details-v1", 0, "details");
  });

  afterAll(async () => {
    await scale("details-v1", 1, "details");
  });

  it("east publishing an address where nothing answers: west's shadows get it, and west's requests fail, none served", async () => {
    await untilEvery(plane(), "west", DETAILS, servedBy("east"), { what: "west's requests served by east", workload: fresh });
    // Third octet 255 of the lab's /16 is never a load balancer's or a pod's (address-plan.ts).
    const nowhere = (gatewayIps.east?.[0] ?? "").replace(/^(127\.\d+)\.\d+\.\d+$/, "$1.255.1");
    await env.kubectl("east", ["annotate", "--overwrite", "service", "eastwest-gateway", "-n", "bookinfo", `${EXTERNAL_ADDRESSES_ANNOTATION}=${nowhere}`]);
    try {
      await converge(lister, registry as SourceRegistry);
      expect(shadowAddresses("details")).toEqual([nowhere]);
      const { batch } = await untilEvery(plane(), "west", DETAILS, (r) => !ok(r), { what: "west's requests failing", batchSize: 2, workload: fresh });
      const more = await send(plane(), "west", DETAILS, 6, fresh());
      for (const r of [...batch, ...more]) {
        expect(r.servedByCluster, JSON.stringify(outcomes([...batch, ...more]))).toBeNull();
        expect(r.error).toBeTruthy();
      }
      expect(more[0]?.responseFlags, JSON.stringify(more[0])).toMatch(CONNECT_FAILURE);
    } finally {
      await env.kubectl("east", ["annotate", "service", "eastwest-gateway", "-n", "bookinfo", `${EXTERNAL_ADDRESSES_ANNOTATION}-`]);
      await converge(lister, registry as SourceRegistry);
    }
    await untilEvery(plane(), "west", DETAILS, servedBy("east"), { what: "west's requests served by east again", workload: fresh });
  }, 60_000);

  it("east's Gateway edited to admit only reviews: east's gateway refuses details; the registry's repair admits it again", async () => {
    await untilEvery(plane(), "west", DETAILS, servedBy("east"), { what: "west's requests served by east", workload: fresh });
    const edited = passthroughGateway({ hosts: [fqdn("reviews")] });
    const gatewayType = storeOf(env.lab, "east").types.byKind("networking.istio.io", "Gateway");
    expect(gatewayType && storeOf(env.lab, "east").get(gatewayType, "bookinfo", edited.metadata.name ?? ""), "the registry's Gateway in east").toBeTruthy();
    applyObject(env.lab, "east", edited);
    const { batch } = await untilEvery(plane(), "west", DETAILS, (r) => !ok(r), { what: "east's gateway refusing details", batchSize: 2, workload: fresh });
    for (const r of batch) {
      expect(r.servedByCluster, JSON.stringify(r)).toBeNull();
      expect(r.responseFlags, JSON.stringify(r)).toMatch(CONNECT_FAILURE);
    }
    const written = log.length;
    await converge(lister, registry as SourceRegistry);
    expect(log.slice(written)).toContainEqual(expect.objectContaining({ cluster: "east", op: "apply", id: `Gateway bookinfo/${edited.metadata.name ?? ""}` }));
    await untilEvery(plane(), "west", DETAILS, servedBy("east"), { what: "west's requests served by east after the repair", workload: fresh });
  }, 60_000);

  it("details un-exposed: the registry removes what it wrote for it, so west's requests fail (no healthy upstream) and north's find no host", async () => {
    await untilEvery(plane(), "west", DETAILS, servedBy("east"), { what: "west's requests served by east", workload: fresh });
    await env.kubectl("west", ["apply", "-f", "-"], EXPOSE_DETAILS_AND_REVIEWS.replace("[details.bookinfo.svc.cluster.local, reviews.bookinfo.svc.cluster.local]", "[reviews.bookinfo.svc.cluster.local]"));
    try {
      await converge(lister, registry as SourceRegistry);
      expect(shadowAddresses("details")).toEqual([]);
      const { batch } = await untilEvery(plane(), "west", DETAILS, (r) => r.responseFlags.includes("UH"), { what: "west's requests without an endpoint", batchSize: 2, workload: fresh });
      for (const r of batch) expect(r.error).toMatch(/no healthy upstream/);
      const north = await untilEvery(plane(), "north", DETAILS, (r) => r.status === 0, { what: "details unknown in north", batchSize: 2, workload: fresh });
      for (const r of north.batch) expect(r.error).toMatch(/ENOTFOUND/);
      // reviews stays exposed: north still reaches it.
      const reviews = await send(plane(), "north", REVIEWS, 4, fresh());
      expect(reviews.filter((r) => !ok(r)), JSON.stringify(outcomes(reviews))).toEqual([]);
    } finally {
      await env.kubectl("west", ["apply", "-f", "-"], EXPOSE_DETAILS_AND_REVIEWS);
      await converge(lister, registry as SourceRegistry);
    }
    await untilEvery(plane(), "west", DETAILS, servedBy("east"), { what: "west's requests served by east again", workload: fresh });
  }, 60_000);
});

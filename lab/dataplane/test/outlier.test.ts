// Outlier detection as the failover relies on it (objects by hand; XCP's DestinationRule unless a test says
// otherwise). An ejected pod comes back after baseEjectionTime × ejections, its cluster's requests with it. With two
// failing pods, XCP's maxEjectionPercent 100 ejects both and every request goes to east; Istio's default (10 %, the
// host being ejected counted in, as Envoy does since envoyproxy/envoy#26877, and Istio sets no always_eject_one_host) ejects neither —
// one of three hosts would be 33 % — so every request keeps failing and none reaches east.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestResult } from "../types";
import { applyObject, deleteObject, readyPods, scaleDeployment, untilReadyPods } from "./lab-store";
import { exposeByHand, installGateways } from "./hand-mesh";
import { failoverDestinationRule, fqdn, XCP_OUTLIER } from "./mesh-fixtures";
import { untilPushed } from "./push-barrier";
import { startTrafficLab, type TrafficLab } from "./traffic-lab";
import { freshWorkloads, outcomes, send, serviceUrl, servedBy, untilEvery } from "./traffic";

let env: TrafficLab;
const plane = () => env.lab.dataPlane;
const DETAILS = serviceUrl("details");
const fresh = freshWorkloads("outlier");
const xcpRule = () => failoverDestinationRule(fqdn("details"), "bookinfo");

beforeAll(async () => {
  env = await startTrafficLab();
  exposeByHand(env.lab, await installGateways(env.lab));
}, 60_000);

afterAll(async () => {
  await env?.stop();
});

/** A new client served by west's details pods Ready now; their names. */
async function servedByWestPods(workload: string): Promise<string[]> {
  const pods = readyPods(env.lab, "west", "bookinfo", { app: "details" });
  const byThesePods = (r: RequestResult) => servedBy("west")(r) && pods.includes(r.servedByPod ?? "");
  await untilEvery(plane(), "west", DETAILS, byThesePods, { what: "west's requests served by west's ready pods", workload });
  return pods;
}

/** Every pod answers 503 while `run` runs. */
async function failing<T>(pods: string[], run: () => Promise<T>): Promise<T> {
  for (const pod of pods) expect(plane().setPodFault("west", "bookinfo", pod, { mode: "error", status: 503 })).toBe(true);
  try {
    return await run();
  } finally {
    for (const pod of pods) plane().setPodFault("west", "bookinfo", pod, { mode: "none" });
  }
}

describe("an ejected pod comes back", () => {
  // XCP's rule with Envoy's ejection clock shortened (baseEjectionTime 2 s, interval 1 s) so the test need not wait
  // XCP's 30 s: an ejected host returns at the first interval tick after baseEjectionTime × ejections.
  const shortRule = failoverDestinationRule(fqdn("details"), "bookinfo", { ...XCP_OUTLIER, interval: "1s", baseEjectionTime: "2s" });

  afterAll(async () => {
    applyObject(env.lab, "west", xcpRule());
    await untilPushed(env.lab, "west");
  });

  it("while ejected, every request goes to east; after baseEjectionTime the healed pod serves west again", async () => {
    applyObject(env.lab, "west", shortRule);
    await untilPushed(env.lab, "west");
    const workload = fresh();
    const pods = await servedByWestPods(workload);
    const ejectedBy = await failing(pods, async () => {
      await untilEvery(plane(), "west", DETAILS, servedBy("east"), { what: "west's requests served by east", batchSize: 1, workload });
      return performance.now();
    });
    const byThesePods = (r: RequestResult) => servedBy("west")(r) && pods.includes(r.servedByPod ?? "");
    const back = await untilEvery(plane(), "west", DETAILS, byThesePods, { what: "west's requests back on the healed pod", batchSize: 1, workload });
    const returnedAfter = performance.now() - ejectedBy;
    expect(outcomes(back.before), "while the pod is ejected").toEqual({ "200 east": back.before.length });
    expect(returnedAfter).toBeGreaterThanOrEqual(1_900);
    expect(returnedAfter).toBeLessThan(8_000);
  });
});

describe("two failing pods: how many outlier detection may eject", () => {
  beforeAll(async () => {
    scaleDeployment(env.lab, "west", "bookinfo", "details-v1", 2);
    await untilReadyPods(env.lab, "west", "bookinfo", { app: "details", version: "v1" }, 2);
  });

  afterAll(async () => {
    applyObject(env.lab, "west", xcpRule());
    await untilPushed(env.lab, "west");
  });

  it("XCP's maxEjectionPercent 100: both are ejected, every request goes to east", async () => {
    const workload = fresh();
    const pods = await servedByWestPods(workload);
    expect(pods).toHaveLength(2);
    await failing(pods, async () => {
      await untilEvery(plane(), "west", DETAILS, servedBy("east"), { what: "west's requests served by east", batchSize: 10, workload });
      expect(outcomes(await send(plane(), "west", DETAILS, 30, workload))).toEqual({ "200 east": 30 });
    });
  });

  it("Istio's defaults (no rule): neither is ejected, every request keeps failing and none reaches east", async () => {
    deleteObject(env.lab, "west", xcpRule());
    await untilPushed(env.lab, "west");
    const workload = fresh();
    const pods = await servedByWestPods(workload);
    await failing(pods, async () => {
      // 40 requests of up to 3 attempts each: past 5 consecutive 5xx on each pod many times over.
      const steady = await send(plane(), "west", DETAILS, 40, workload);
      const fromWestPods = steady.filter((r) => r.status === 503 && r.servedByCluster === "west" && pods.includes(r.servedByPod ?? ""));
      expect(fromWestPods.length, JSON.stringify(outcomes(steady))).toBe(40);
    });
  });
});

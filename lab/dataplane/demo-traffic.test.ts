import { afterEach, describe, expect, it, vi } from "vitest";
import { createClusterStore, createTypeRegistry } from "../apiserver/index";
import { scenarios, seedSystem } from "../scenarios/index";
import type { RequestsSpec } from "./data-plane-requests";
import { demoCallers, startDemoTraffic, type DemoCaller } from "./demo-traffic";
import type { RequestResult } from "./types";

const ok: RequestResult = { status: 200, latencyMs: 1, servedByCluster: "west", servedByPod: "productpage-v1-x", error: null, responseFlags: "-" };

function seeded(scenario: "demo" | "e2e" | "dns-gateway") {
  const types = createTypeRegistry();
  const stores = scenarios[scenario].clusterNames({}).map((name) => createClusterStore(name, types));
  for (const store of stores) seedSystem(store);
  scenarios[scenario].seed(stores, {});
  return stores.map((store) => ({ name: store.cluster, store }));
}

describe("demoCallers", () => {
  const describeCallers = (scenario: "demo" | "e2e") =>
    demoCallers(seeded(scenario)).map((c) => `${c.cluster} ${c.spec.namespace}/${c.spec.workload} ${c.spec.url} ${c.intervalMs}`);

  it("calls productpage from the sleep client of every cluster, and details from north, where it is only remote", () => {
    expect(describeCallers("demo")).toEqual([
      "west sleep/sleep http://productpage.bookinfo.svc.cluster.local:9080/ 1000",
      "east sleep/sleep http://productpage.bookinfo.svc.cluster.local:9080/ 1000",
      "north sleep/sleep http://productpage.bookinfo.svc.cluster.local:9080/ 1000",
      "north sleep/sleep http://details.bookinfo.svc.cluster.local:9080/ 1000",
    ]);
  });

  it("calls from productpage's namespace where a cluster has no sleep client (e2e seeds it in north only)", () => {
    expect(describeCallers("e2e").slice(0, 2)).toEqual([
      "west bookinfo/demo-traffic http://productpage.bookinfo.svc.cluster.local:9080/ 1000",
      "east bookinfo/demo-traffic http://productpage.bookinfo.svc.cluster.local:9080/ 1000",
    ]);
  });
});

describe("startDemoTraffic", () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const callers: DemoCaller[] = [
    { cluster: "west", spec: { url: "http://productpage.bookinfo:9080/", namespace: "bookinfo", workload: "demo-traffic" }, intervalMs: 1_000 },
    { cluster: "north", spec: { url: "http://details.bookinfo:9080/", namespace: "sleep", workload: "sleep" }, intervalMs: 1_000 },
  ];

  it("sends one request per caller at a time, about once per interval, even when a request outlasts it", async () => {
    vi.useFakeTimers();
    const active = new Map<string, number>();
    let maxActive = 0;
    const seen: Array<{ cluster: string; spec: RequestsSpec; at: number }> = [];
    const request = async (cluster: string, spec: RequestsSpec): Promise<RequestResult[]> => {
      seen.push({ cluster, spec, at: Date.now() });
      active.set(cluster, (active.get(cluster) ?? 0) + 1);
      maxActive = Math.max(maxActive, active.get(cluster) ?? 0);
      // north's requests take 2.5 intervals: the next must wait for it.
      await new Promise((resolve) => setTimeout(resolve, cluster === "north" ? 2_500 : 10));
      active.set(cluster, (active.get(cluster) ?? 0) - 1);
      return [ok];
    };
    const traffic = startDemoTraffic(callers, { request, random: () => 0.5 });
    await vi.advanceTimersByTimeAsync(10_000);
    await traffic.stop();
    expect(maxActive).toBe(1);
    const west = seen.filter((s) => s.cluster === "west");
    const north = seen.filter((s) => s.cluster === "north");
    // west: first after 500 ms, then every 10 + 1,000 ms → 10 in 10 s; north: every 2,500 + 1,000 ms → 3.
    expect(west).toHaveLength(10);
    expect(north).toHaveLength(3);
    expect(north.map((s) => s.at - (north[0]?.at ?? 0))).toEqual([0, 3_500, 7_000]);
    expect(seen[0]?.spec).toEqual({ url: "http://productpage.bookinfo:9080/", namespace: "bookinfo", workload: "demo-traffic", count: 1 });
    expect(traffic.counts()).toEqual({ sent: 13, failed: 0 });
  });

  it("jitters each interval by up to 20 % either way", async () => {
    vi.useFakeTimers();
    const at: number[] = [];
    const randoms = [0, 0, 0.999, 0];
    const traffic = startDemoTraffic([callers[0] as DemoCaller], {
      request: async () => {
        at.push(Date.now());
        return [ok];
      },
      random: () => randoms.shift() ?? 0.5,
    });
    await vi.advanceTimersByTimeAsync(3_000);
    await traffic.stop();
    expect(at.slice(0, 4).map((t) => t - (at[0] ?? 0))).toEqual([0, 800, 2_000, 2_800]);
  });

  it("counts failures and rejected calls without unhandled rejections, and sends nothing after stop", async () => {
    vi.useFakeTimers();
    const outcomes: Array<() => Promise<RequestResult[]>> = [
      async () => [{ ...ok, status: 503 }],
      async () => [{ ...ok, status: 0, error: "no healthy upstream", responseFlags: "UH" }],
      async () => Promise.reject(new Error("stopping")),
      async () => [ok],
    ];
    let calls = 0;
    const traffic = startDemoTraffic([callers[0] as DemoCaller], { request: () => (outcomes[calls++ % outcomes.length] as () => Promise<RequestResult[]>)(), random: () => 0.5 });
    await vi.advanceTimersByTimeAsync(4_000);
    expect(traffic.counts()).toEqual({ sent: 4, failed: 3 });
    await traffic.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toBe(4);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stop waits for the request in flight", async () => {
    vi.useFakeTimers();
    let settled = false;
    const traffic = startDemoTraffic([callers[0] as DemoCaller], {
      request: () => new Promise((resolve) => setTimeout(() => resolve([ok]), 300)).finally(() => void (settled = true)) as Promise<RequestResult[]>,
      random: () => 0,
    });
    await vi.advanceTimersByTimeAsync(100);
    let stopped = false;
    const stopping = traffic.stop().then(() => void (stopped = true));
    await vi.advanceTimersByTimeAsync(100);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    await stopping;
    expect(settled).toBe(true);
    expect(traffic.counts().sent).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { backoffMs } from "./mesh-client";
import { hostKey, UpstreamCluster } from "./mesh-upstream";
import { ISTIO_DEFAULT_OUTLIER } from "./outlier-policy";
import type { MeshEndpoint, OutlierPolicy, Resolution } from "./types";

const endpoint = (address: string, network = "west"): MeshEndpoint => ({
  address, port: 9080, kind: network === "west" ? "pod" : "workload-entry", source: address, network,
  locality: { region: `lab-${network}`, zone: "a", subzone: "" },
});

function resolution(priorities: MeshEndpoint[][], outlier: OutlierPolicy = { ...ISTIO_DEFAULT_OUTLIER, maxEjectionPercent: 100 }): Extract<Resolution, { ok: true }> {
  return { ok: true, host: "details.bookinfo.svc.cluster.local", port: 9080, priorities, outlier };
}

const local = [endpoint("127.9.1.1"), endpoint("127.9.1.2")];
const remote = [endpoint("127.9.0.1", "east"), endpoint("127.9.0.2", "east"), endpoint("127.9.0.3", "east")];
const NONE = new Set<string>();

function eject(upstream: UpstreamCluster, host: MeshEndpoint): void {
  for (let i = 0; i < 5; i++) upstream.report(host, { kind: "response", status: 503 }, 0);
  expect(upstream.isEjected(host, 0)).toBe(true);
}

/** Which priority 100 picks land in, one per roll 0..99. */
function spread(upstream: UpstreamCluster, priorities: MeshEndpoint[][]): number[] {
  const counts = priorities.map(() => 0);
  for (let roll = 0; roll < 100; roll++) {
    const host = upstream.pick(roll, NONE, 0);
    const p = priorities.findIndex((hosts) => hosts.some((h) => h === host));
    counts[p] = (counts[p] ?? 0) + 1;
  }
  return counts;
}

describe("upstream cluster: picking a host", () => {
  it("round-robins over the top priority while it is healthy", () => {
    const upstream = new UpstreamCluster(resolution([local, remote]), 0);
    const picks = [0, 50, 99, 10].map((roll) => upstream.pick(roll, NONE, 0)?.address);
    expect(picks).toEqual(["127.9.1.1", "127.9.1.2", "127.9.1.1", "127.9.1.2"]);
  });

  it("spills 30 % to the next priority when half of the top one is ejected (health 70)", () => {
    const priorities = [local, remote];
    const upstream = new UpstreamCluster(resolution(priorities), 0);
    eject(upstream, local[0] as MeshEndpoint);
    expect(spread(upstream, priorities)).toEqual([70, 30]);
    eject(upstream, local[1] as MeshEndpoint);
    expect(spread(upstream, priorities)).toEqual([0, 100]);
  });

  it("answers no host when every host is ejected (Istio turns panic mode off)", () => {
    const upstream = new UpstreamCluster(resolution([local]), 0);
    for (const host of local) eject(upstream, host);
    expect(upstream.pick(0, NONE, 0)).toBeUndefined();
    expect(new UpstreamCluster(resolution([]), 0).pick(0, NONE, 0)).toBeUndefined();
  });

  it("prefers a host the request has not tried yet, and takes a tried one when none is left", () => {
    const upstream = new UpstreamCluster(resolution([local]), 0);
    const first = upstream.pick(0, NONE, 0) as MeshEndpoint;
    expect(upstream.pick(0, new Set([hostKey(first)]), 0)).not.toBe(first);
    expect(upstream.pick(0, new Set(local.map(hostKey)), 0)).toBeDefined();
  });

  it("keeps ejections across pushes for hosts that stay, and forgets hosts that left", () => {
    const upstream = new UpstreamCluster(resolution([local, remote]), 0);
    eject(upstream, local[0] as MeshEndpoint);
    upstream.refresh(resolution([local, remote]), 0);
    expect(upstream.isEjected(local[0] as MeshEndpoint, 0)).toBe(true);
    upstream.refresh(resolution([[local[1] as MeshEndpoint], remote]), 0);
    upstream.refresh(resolution([local, remote]), 0);
    expect(upstream.isEjected(local[0] as MeshEndpoint, 0)).toBe(false);
  });
});

describe("retry back-off", () => {
  it.each([
    [1, 0.999, 24],
    [2, 0.999, 74],
    [3, 0.999, 174],
    [5, 0.999, 249],
    [1, 0, 0],
  ])("retry %d with random %d waits %d ms", (retry, random, ms) => expect(backoffMs(retry, () => random)).toBe(ms));
});

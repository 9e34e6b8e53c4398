import { describe, expect, it } from "vitest";
import type { ClusterSnapshot } from "@/lib/fleet/snapshot-types";
import { observeDrill, type ObserveDeps } from "./observe";
import { createProbeFollow } from "./probe-follow";
import { createFakeCluster, OK_FAILOVER, type FakeCluster } from "./test/fake-cluster";

const REF = { cluster: "west", namespace: "bookinfo", name: "d1" };

function depsOf(fake: FakeCluster, change: Partial<ClusterSnapshot> = {}): ObserveDeps {
  const cluster = fake.snapshots.current().clusters[0];
  if (!cluster) throw new Error("no cluster");
  return { cluster: { ...cluster, ...change }, client: fake.client, failover: async () => OK_FAILOVER, follow: createProbeFollow(), now: () => 1_000 };
}

describe("one observation of a drill", () => {
  it("assembles the world from the live drill, the cached cluster and the failover facts", async () => {
    const fake = createFakeCluster();
    fake.apply("d1");
    const seen = await observeDrill(depsOf(fake), REF);
    if (seen.kind !== "world") throw new Error(seen.kind);
    expect(seen.world).toMatchObject({
      now: 1_000,
      cluster: "west",
      reachable: true,
      namespaceOptedIn: true,
      serviceExists: true,
      deployments: [{ name: "details-v1", replicas: 1 }],
      pods: [{ name: "details-v1-abc", ready: true, faulted: false }],
      failRequestsSupported: false,
      failover: OK_FAILOVER,
      otherRunning: [],
      probe: { exists: false, ready: false, samples: [] },
    });
    expect(seen).toMatchObject({ deleting: false, finalized: false, service: { port: 9080 } });
  });

  it("waits for a cluster still syncing, and reads a stale one from the cache as unreachable", async () => {
    const fake = createFakeCluster();
    fake.apply("d1");
    expect((await observeDrill(depsOf(fake, { state: "syncing" }), REF)).kind).toBe("syncing");
    const stale = await observeDrill(depsOf(fake, { state: "stale" }), REF);
    expect(stale.kind === "world" && stale.world.reachable).toBe(false);
  });

  it("finds a deleted drill gone, and one the cluster refuses to answer for as unreachable", async () => {
    const fake = createFakeCluster();
    expect((await observeDrill(depsOf(fake), REF)).kind).toBe("gone");
    fake.apply("d1");
    const deps = depsOf(fake);
    fake.setReachable(false);
    const seen = await observeDrill(deps, REF);
    expect(seen.kind === "world" && seen.world.reachable).toBe(false);
  });
});

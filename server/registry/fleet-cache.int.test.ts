// The registry fed by the real fleet cache (watch-based informers, server/fleet) instead of lists: it converges
// from the watch stream alone, and once the cache has seen its writes, resyncs write nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/server/env";
import { startFleetService } from "@/server/fleet/service";
import type { Registry } from "./controller";
import { startRegistryOnSource } from "./model-registry";
import { fromFleetSource } from "./fleet-source";
import { createLeaseClient } from "@/server/kube/lease-client";
import { DEFAULT_LEADER_TIMINGS, startLeaderElection } from "./leader-election";
import { startRegistryService } from "./service";
import { exposeWithGateways, startRegistryLab, type RegistryLab, type WriteLog } from "./test/lab-fixture";

let env: RegistryLab;
let fleet: ReturnType<typeof startFleetService>;
let registry: Registry;
const log: WriteLog = [];

beforeAll(async () => {
  env = await startRegistryLab();
  await exposeWithGateways(env);
  const base = parseEnv({}, "/nowhere");
  fleet = startFleetService(
    { ...base, kubeconfigPaths: [env.lab.kubeconfigPath], managementCluster: "west", probeIntervalMs: 300, probeTimeoutMs: 1_000, listTimeoutMs: 2_000, backoff: { initialMs: 100, maxMs: 400 }, flushIntervalMs: 50 },
    () => undefined,
  );
  await fleet.ready();
  registry = startRegistryOnSource({ mode: "standalone", allowLoopbackGatewayAddresses: true, source: fromFleetSource(fleet.snapshots), writerFor: env.writers(log), resyncMs: 500, coalesceMs: 20 });
}, 90_000);

afterAll(async () => {
  await registry.stop();
  fleet.stop();
  await env.stop();
});

describe("registry on the fleet cache", () => {
  it("converges from watch events and then writes nothing on resync", async () => {
    await vi.waitFor(
      () => {
        const status = registry.status();
        expect(status.clusters.map((c) => c.cluster).sort()).toEqual(["east", "north", "west"]);
        for (const c of status.clusters) expect({ c: c.cluster, stale: c.stale, missing: c.missing.length, different: c.different.length, extra: c.extra.length }).toEqual({ c: c.cluster, stale: false, missing: 0, different: 0, extra: 0 });
      },
      { timeout: 20_000, interval: 100 },
    );
    const wes = await env.kubectl("west", ["get", "workloadentries", "-n", "bookinfo", "-o", "name"]);
    expect(wes.trim().split("\n")).toHaveLength(6);
    const written = log.length;
    for (let i = 0; i < 3; i++) await registry.reconcileNow();
    expect(log.length).toBe(written);
  }, 40_000);

  it("is wired for production by startRegistryService: it takes the Lease and re-applies only the kinds the cache cannot see, once", async () => {
    // The setting reaches the planner from the environment: without it, this replica would delete every lab entry.
    const base = parseEnv({ EASTWEST_REGISTRY_MODE: "standalone", EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES: "true" }, "/nowhere");
    const service = startRegistryService({ env: { ...base, kubeconfigPaths: [env.lab.kubeconfigPath], managementCluster: "west" }, snapshots: fleet.snapshots, handle: fleet.handle, log: () => undefined });
    try {
      await vi.waitFor(() => expect(service.leader?.isLeader()).toBe(true), { timeout: 10_000, interval: 50 });
      await service.reconcileNow();
      const status = service.status();
      // The fleet cache does not watch Istio Gateways yet: a new leader re-applies those once (server-side
      // no-ops, since the content is identical); everything the cache does watch is left alone.
      const unverified = status.clusters.reduce((n, c) => n + c.unverified.length, 0);
      expect(service.writes()).toEqual({ applied: unverified, deleted: 0, failed: 0 });
      expect(status).toMatchObject({ mode: "standalone", leader: true });
      await service.reconcileNow();
      expect(service.writes().applied).toBe(unverified);
    } finally {
      await service.stop();
    }
    const lease = JSON.parse(await env.kubectl("west", ["get", "lease", "eastwest-registry", "-n", "default", "-o", "json"])) as { spec: { holderIdentity?: string } };
    expect(lease.spec.holderIdentity ?? "").toBe("");
    // The released Lease is taken at the next replica's first attempt, not after the 15 s lease duration.
    const west = fleet.handle("west");
    if (!west) throw new Error("no west handle");
    const stoppedAt = performance.now();
    const next = startLeaderElection({ lease: createLeaseClient(west, { namespace: "default", name: "eastwest-registry" }, 2_000), identity: "next-replica" });
    try {
      await vi.waitFor(() => expect(next.isLeader()).toBe(true), { timeout: 5_000, interval: 20 });
      expect(performance.now() - stoppedAt).toBeLessThan(DEFAULT_LEADER_TIMINGS.leaseDurationMs / 3);
    } finally {
      await next.stop({ release: true });
    }
  }, 30_000);
});

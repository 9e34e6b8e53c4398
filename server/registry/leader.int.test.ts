// Two console replicas share one Lease in the management cluster: only the holder writes (checked on every
// single write), and when it dies without releasing the Lease the other takes over within the lease duration
// and carries on (here: publishing a change made after the crash).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { shadowHash } from "@/lib/names/object-names";
import { createLeaseClient } from "@/server/kube/lease-client";
import type { Registry } from "./controller";
import { startRegistryOnSource } from "./model-registry";
import { startLeaderElection, type LeaderElector } from "./leader-election";
import { exposeWithGateways, startRegistryLab, type RegistryLab, type WriteLog } from "./test/lab-fixture";

let env: RegistryLab;
// Whole seconds: a Lease records its duration in seconds.
const timings = { leaseDurationMs: 2_000, renewDeadlineMs: 1_000, retryPeriodMs: 100 };

type Replica = { name: string; elector: LeaderElector; registry: Registry; log: WriteLog; stopSource: () => void };

beforeAll(async () => {
  env = await startRegistryLab();
  await exposeWithGateways(env);
}, 90_000);

afterAll(async () => {
  await env.stop();
});

describe("leader election against the lab", () => {
  it("never lets two replicas write, and hands over after a crash within the lease duration", async () => {
    const west = env.handles.find((h) => h.name === "west");
    if (!west) throw new Error("no west context");
    const violations: string[] = [];
    const replicas: Replica[] = [];
    for (const name of ["a", "b"]) {
      const elector = startLeaderElection({ lease: createLeaseClient(west, { namespace: "default", name: "eastwest-registry" }, 500), identity: name, timings });
      const source = env.pollingSource(env.newLister(), 150);
      const log: WriteLog = [];
      const guard = () => {
        const leaders = replicas.filter((r) => r.elector.isLeader()).map((r) => r.name);
        if (leaders.length !== 1 || leaders[0] !== name) violations.push(`${name} wrote while leaders were [${leaders.join(",")}]`);
      };
      const registry = startRegistryOnSource({ mode: "standalone", allowLoopbackGatewayAddresses: true, source, writerFor: env.writers(log, guard), leader: elector, managementCluster: "west", resyncMs: 300, coalesceMs: 20 });
      replicas.push({ name, elector, registry, log, stopSource: source.stop });
    }
    const shadows = (context: string) => env.kubectl(context, ["get", "workloadentries", "-n", "bookinfo", "-o", "name"]);
    await vi.waitFor(async () => expect((await shadows("west")).trim().split("\n")).toHaveLength(6), { timeout: 15_000, interval: 200 });
    // A 2 s Lease can lapse between two renewals on a loaded machine, and then both replicas are followers for a
    // moment: wait until one holds it. That no two ever write at once is the guard's, checked on every write.
    await vi.waitFor(() => expect(replicas.filter((r) => r.elector.isLeader())).toHaveLength(1), { timeout: 10_000, interval: 20 });
    const first = replicas.find((r) => r.elector.isLeader());
    const second = replicas.find((r) => r !== first);
    if (!first || !second) throw new Error("no leader");
    expect(first.log.length).toBeGreaterThan(0);
    expect(violations).toEqual([]);

    // Crash: the leader stops without releasing the Lease.
    first.stopSource();
    await first.registry.stop();
    await first.elector.stop();
    const crashedAt = performance.now();
    await env.kubectl("north", ["apply", "-f", "-"], "apiVersion: v1\nkind: Service\nmetadata: { name: details, namespace: bookinfo }\nspec: { selector: { app: details }, ports: [{ name: http, port: 9080 }] }\n");
    await vi.waitFor(() => expect(second.elector.isLeader()).toBe(true), { timeout: 10_000, interval: 20 });
    const takeoverMs = performance.now() - crashedAt;
    await vi.waitFor(async () => expect(await shadows("north")).toContain(`k-details-${shadowHash("east", "bookinfo", "details")}-3`), { timeout: 15_000, interval: 200 });
    second.stopSource();
    await second.registry.stop();
    await second.elector.stop({ release: true });

    expect(violations).toEqual([]);
    expect(second.log.length).toBeGreaterThan(0);
    // Within the lease duration of the last renewal, plus a retry period and slack for a loaded 2-core machine.
    expect(takeoverMs).toBeLessThan(timings.leaseDurationMs + timings.retryPeriodMs + 1_000);
  }, 60_000);
});

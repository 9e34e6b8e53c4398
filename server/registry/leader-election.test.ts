import { afterEach, describe, expect, it, vi } from "vitest";
import { createFakeLease } from "./fake-lease";
import { startLeaderElection, type LeaderElector } from "./leader-election";

const timings = { leaseDurationMs: 300, renewDeadlineMs: 200, retryPeriodMs: 10 };
const started: LeaderElector[] = [];
const start = (lease: ReturnType<typeof createFakeLease>, identity: string, now?: () => number) => {
  const e = startLeaderElection({ lease: lease.client(), identity, timings, ...(now ? { now } : {}) });
  started.push(e);
  return e;
};

afterEach(async () => {
  await Promise.all(started.splice(0).map((e) => e.stop()));
});

describe("leader election", () => {
  it("one of two replicas leads; the other never does while the leader renews", async () => {
    const lease = createFakeLease();
    const a = start(lease, "a");
    await vi.waitFor(() => expect(a.isLeader()).toBe(true));
    const b = start(lease, "b");
    const seen: boolean[] = [];
    b.onChange((v) => seen.push(v));
    // Several lease durations pass with a renewing leader.
    await vi.waitFor(() => expect(Number(lease.record()?.resourceVersion)).toBeGreaterThan(60), { timeout: 5_000 });
    expect(a.isLeader()).toBe(true);
    expect(b.isLeader()).toBe(false);
    expect(seen).toEqual([]);
  });

  it("a crashed leader is replaced after the lease duration, not before", async () => {
    const lease = createFakeLease();
    const a = start(lease, "a");
    await vi.waitFor(() => expect(a.isLeader()).toBe(true));
    await a.stop();
    const crashedAt = performance.now();
    const b = start(lease, "b");
    await vi.waitFor(() => expect(b.isLeader()).toBe(true), { timeout: 3_000 });
    expect(performance.now() - crashedAt).toBeGreaterThanOrEqual(timings.leaseDurationMs);
    expect(lease.record()).toMatchObject({ holder: "b", transitions: 1 });
  });

  it("a released lease is taken over at once", async () => {
    const lease = createFakeLease();
    const a = start(lease, "a");
    await vi.waitFor(() => expect(a.isLeader()).toBe(true));
    await a.stop({ release: true });
    expect(lease.record()?.holder).toBe("");
    const b = start(lease, "b");
    await vi.waitFor(() => expect(b.isLeader()).toBe(true), { timeout: timings.leaseDurationMs - 50 });
  });

  it("says so when it cannot release the lease on stop (the next leader then waits for it to expire)", async () => {
    const lease = createFakeLease();
    const lines: string[] = [];
    // A clock that stands still: still the leader when it stops, however slow the machine.
    const a = startLeaderElection({ lease: lease.client(), identity: "a", timings, now: () => 0, log: (l) => lines.push(l) });
    started.push(a);
    await vi.waitFor(() => expect(a.isLeader()).toBe(true));
    lease.fail(true);
    await a.stop({ release: true });
    expect(lease.record()?.holder).toBe("a");
    expect(lines.at(-1)).toBe("registry: a could not release the Lease (connection refused); the next leader takes over once it expires");
  });

  it("stops leading when renewals fail for renewDeadline, before the lease could expire elsewhere", async () => {
    let clock = 0;
    const lease = createFakeLease();
    const a = start(lease, "a", () => clock);
    await vi.waitFor(() => expect(a.isLeader()).toBe(true));
    lease.fail(true);
    clock += timings.renewDeadlineMs - 1;
    expect(a.isLeader()).toBe(true);
    clock += 1;
    // Synchronously false: writes checked against isLeader() stop immediately.
    expect(a.isLeader()).toBe(false);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { startDrillRunner, type DrillRunner, type RunnerDeps } from "./runner";
import { createFakeCluster, OK_FAILOVER, type FakeCluster } from "./test/fake-cluster";
import { tinyMachine } from "./test/tiny-machine";

let runner: DrillRunner | undefined;
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
});

function start(fake: FakeCluster, overrides: Partial<RunnerDeps> = {}) {
  const machine = tinyMachine({ observeMs: 60, recheckMs: 10 });
  runner = startDrillRunner({
    snapshots: fake.snapshots,
    cluster: (name) => fake.snapshots.current().clusters.find((c) => c.name === name),
    clientFor: () => fake.client,
    failover: async () => OK_FAILOVER,
    machine,
    isLeader: () => true,
    now: () => Date.now(),
    backoff: { initialMs: 10, maxMs: 40 },
    resyncMs: 1_000,
    ...overrides,
  });
  return machine;
}

const phaseOf = (fake: FakeCluster, name: string) => fake.drills.get(`bookinfo/${name}`)?.status?.phase;
const waitFor = (check: () => void) => vi.waitFor(check, { timeout: 5_000, interval: 5 });

describe("the drill runner", () => {
  it("runs a drill applied directly to the end: status first, then the fault; undone after the observation, by timers alone", async () => {
    const fake = createFakeCluster();
    start(fake);
    fake.apply("d1");
    await waitFor(() => expect(phaseOf(fake, "d1")).toBe("Succeeded"));
    expect(fake.replicas.get("details-v1")).toBe(1);
    // The finalizer first (a delete then waits for the restore); the undo record (status Injecting) before the
    // scale to 0; Restoring before the scale back; the finalizer off once it is over.
    expect(fake.calls).toEqual(["finalizer d1 true", "status Injecting", "scale details-v1 0", "status Observing", "status Restoring", "scale details-v1 1", "status Succeeded", "finalizer d1 false"]);
    expect(runner?.active()).toEqual([]);
  });

  it("records Prometheus's served-by before, during and after when Prometheus is configured", async () => {
    const fake = createFakeCluster();
    const moments: string[] = [];
    start(fake, { prometheusServedBy: async (namespace, probe) => (moments.push(`${namespace}/${probe}`), { east: moments.length }) });
    fake.apply("d1");
    await waitFor(() => expect(phaseOf(fake, "d1")).toBe("Succeeded"));
    expect(fake.drills.get("bookinfo/d1")?.status?.prometheusServedBy).toEqual({ before: { east: 1 }, during: { east: 2 }, after: { east: 3 } });
    expect(moments).toEqual(["bookinfo/d1-probe", "bookinfo/d1-probe", "bookinfo/d1-probe"]);
  });

  it("carries out nothing when its status cannot be written", async () => {
    const fake = createFakeCluster();
    fake.refuseStatus(true);
    start(fake);
    fake.apply("d1");
    await waitFor(() => expect(fake.calls.filter((c) => c === "status Injecting (refused)").length).toBeGreaterThanOrEqual(3));
    expect(fake.calls.some((c) => c.startsWith("scale"))).toBe(false);
    expect(fake.replicas.get("details-v1")).toBe(1);
    // Once the cluster takes the status again, the drill goes on (retried with backoff, not abandoned).
    fake.refuseStatus(false);
    await waitFor(() => expect(phaseOf(fake, "d1")).toBe("Succeeded"));
  });

  it("writes nothing while another replica leads, and takes the drill over when it becomes leader", async () => {
    const fake = createFakeCluster();
    let leading = false;
    const listeners = new Set<(l: boolean) => void>();
    const machine = start(fake, { isLeader: () => leading, onLeaderChange: (l) => (listeners.add(l), () => listeners.delete(l)) });
    fake.apply("d1");
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.calls).toEqual([]);
    expect(machine.calls).toBe(0);
    leading = true;
    for (const l of listeners) l(true);
    await waitFor(() => expect(phaseOf(fake, "d1")).toBe("Succeeded"));
  });

  it("waits while the cluster is unreachable mid-drill and restores as soon as it answers again", async () => {
    const fake = createFakeCluster();
    let observed = 0;
    start(fake, { failover: async () => (observed++, OK_FAILOVER) });
    fake.apply("d1");
    await waitFor(() => expect(phaseOf(fake, "d1")).toBe("Observing"));
    fake.setReachable(false);
    const cut = { calls: fake.calls.length, observed };
    // Past the observation time, still unreachable: observed again and again (retried with backoff), nothing is
    // written, the deployment is still at 0.
    await waitFor(() => expect(observed).toBeGreaterThan(cut.observed + 5));
    expect(fake.calls.length).toBe(cut.calls);
    expect(fake.replicas.get("details-v1")).toBe(0);
    fake.setReachable(true);
    await waitFor(() => expect(phaseOf(fake, "d1")).toBe("Succeeded"));
    expect(fake.replicas.get("details-v1")).toBe(1);
    // The first step that reached it again wrote the machine's decision for the outage (and only a status) first.
    expect(fake.calls[cut.calls]).toMatch(/^status /);
  });

  it("aborts on spec.abort: the fault is undone at once", async () => {
    const fake = createFakeCluster();
    start(fake, { machine: tinyMachine({ observeMs: 60_000, recheckMs: 10 }) });
    fake.apply("d1");
    await waitFor(() => expect(phaseOf(fake, "d1")).toBe("Observing"));
    const d = fake.drills.get("bookinfo/d1");
    if (d) fake.drills.set("bookinfo/d1", { ...d, spec: { ...d.spec, abort: true } });
    fake.apply("other-service-noop", { service: "ratings" });
    await waitFor(() => expect(phaseOf(fake, "d1")).toBe("Aborted"));
    expect(fake.replicas.get("details-v1")).toBe(1);
  });

  it("undoes the fault of a drill deleted mid-drill from the last status it saw", async () => {
    const fake = createFakeCluster();
    start(fake, { machine: tinyMachine({ observeMs: 60_000, recheckMs: 10 }) });
    fake.apply("d1");
    await waitFor(() => expect(phaseOf(fake, "d1")).toBe("Observing"));
    expect(fake.replicas.get("details-v1")).toBe(0);
    fake.remove("d1");
    await waitFor(() => expect(fake.replicas.get("details-v1")).toBe(1));
    expect(fake.calls.at(-1)).toBe("unprobe d1-probe");
    await waitFor(() => expect(runner?.active()).toEqual([]));
  });

  it("never runs more steps at once than its bound", async () => {
    const fake = createFakeCluster();
    let inFlight = 0;
    let most = 0;
    const failover = async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight -= 1;
      return OK_FAILOVER;
    };
    start(fake, { concurrency: 2, failover });
    for (const name of ["a", "b", "c", "d"]) fake.apply(name, { service: "details" });
    // (Four drills on one Deployment interfere with each other's undo; only the stepping is under test here.)
    await waitFor(() => expect(["a", "b", "c", "d"].map((n) => phaseOf(fake, n) !== undefined)).toEqual([true, true, true, true]));
    expect(most).toBe(2);
  });
});

import { describe, expect, it } from "vitest";
import { createDrillService } from "./service";
import { createFakeCluster, OK_FAILOVER, type FakeCluster } from "./test/fake-cluster";
import type { DrillInput } from "./types";

const INPUT: DrillInput = { cluster: "west", namespace: "bookinfo", service: "details", fault: "ScaleToZero", maxDuration: "2m" };

function serviceOn(fake = createFakeCluster()) {
  return { fake, service: createDrillService({ snapshots: fake.snapshots, clientFor: () => fake.client, failover: async () => OK_FAILOVER, now: () => Date.parse("2026-12-05T06:25:12Z"), nameFor: () => "details-drill" }) };
}

describe("the drill service", () => {
  it.each<[string, Partial<DrillInput>, (fake: FakeCluster) => void, string, string]>([
    ["an unknown cluster", { cluster: "south" }, () => undefined, "unknown-cluster", "cluster"],
    ["a duration over the cap", { maxDuration: "16m" }, () => undefined, "duration-too-long", "maxDuration"],
    ["an unknown service", { service: "ratings" }, () => undefined, "unknown-service", "service"],
    ["a service with no local workload", {}, (fake) => void fake.replicas.set("details-v1", 0), "no-local-workload", "service"],
    ["a namespace that has not opted in", {}, (fake) => fake.optIn(false), "not-opted-in", "namespace"],
    ["FailRequests where no Node supports it", { fault: "FailRequests" }, () => undefined, "fault-unsupported", "fault"],
  ])("refuses %s, writing nothing", async (_name, change, arrange, code, field) => {
    const { fake, service } = serviceOn();
    arrange(fake);
    fake.optIn(fake.snapshots.current().clusters[0]?.objects.Namespace.get("bookinfo")?.metadata.annotations?.["eastwest.dev/drills"] === "enabled");
    const refused = await service.start({ ...INPUT, ...change });
    expect(refused).toMatchObject({ ok: false, refusal: { code, field } });
    expect((await service.plan({ ...INPUT, ...change })).ok).toBe(false);
    expect(fake.calls).toEqual([]);
  });

  it("refuses a stale cluster and a second drill on the same service", async () => {
    const { fake, service } = serviceOn();
    fake.apply("running", { service: "details" });
    expect(await service.start(INPUT)).toMatchObject({ ok: false, refusal: { code: "already-running", field: "service" } });
    fake.setReachable(false);
    expect(await service.start(INPUT)).toMatchObject({ ok: false, refusal: { code: "stale-cluster", field: "cluster" } });
    expect(fake.calls).toEqual([]);
  });

  it("plans what will be scaled where, for how long, where traffic goes, with the machine's checks", async () => {
    const { service } = serviceOn();
    const plan = await service.plan(INPUT);
    expect(plan).toMatchObject({ ok: true, crd: "installed", deployments: [{ name: "details-v1", replicas: 1 }], pods: [], maxDurationSeconds: 120, remotes: OK_FAILOVER.remotes });
    if (!plan.ok) return;
    expect(plan.traffic).toBe("While details has no pod in west, west's requests to details should go to east through bookinfo/eastwest-gateway; everything is restored after 2 min at the latest, or at once on Abort.");
    expect(plan.checks.every((c) => c.ok)).toBe(true);
  });

  it("starts a drill (the object only: the runner does the rest), lists it, and aborts it", async () => {
    const { fake, service } = serviceOn();
    const versions: number[] = [];
    service.onChange((v) => versions.push(v));
    expect(await service.start(INPUT)).toEqual({ ok: true, ref: { cluster: "west", namespace: "bookinfo", name: "details-drill" } });
    expect(fake.calls).toEqual(["create details-drill"]);
    await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
    expect(versions.length).toBeGreaterThan(0);
    expect(service.list({ service: "details" })).toEqual({ drills: [expect.objectContaining({ ref: { cluster: "west", namespace: "bookinfo", name: "details-drill" }, phase: "Pending", running: true })], stale: [] });
    expect(service.get({ cluster: "west", namespace: "bookinfo", name: "details-drill" })).toMatchObject({ spec: { service: "details", maxDuration: "2m", abort: false } });
    expect(await service.abort({ cluster: "west", namespace: "bookinfo", name: "details-drill" })).toEqual({ ok: true });
    expect(fake.drills.get("bookinfo/details-drill")?.spec.abort).toBe(true);
    expect(await service.abort({ cluster: "west", namespace: "bookinfo", name: "nope" })).toMatchObject({ ok: false, refusal: { code: "not-found" } });
  });

  it("lists a stale cluster's last known drills and names it stale, never as having none", () => {
    const { fake, service } = serviceOn();
    fake.apply("seen-before");
    fake.setReachable(false);
    expect(service.list({})).toEqual({ drills: [expect.objectContaining({ ref: expect.objectContaining({ name: "seen-before" }) })], stale: ["west"] });
  });
});

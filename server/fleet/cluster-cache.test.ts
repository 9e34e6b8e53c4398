import { describe, expect, it } from "vitest";
import { obj } from "@/lib/fleet/snapshot-fixtures";
import { ClusterError } from "@/server/kube/cluster-error";
import { createClusterCache } from "./cluster-cache";

function setup(kinds: Parameters<typeof createClusterCache>[0]["kinds"] = ["Service", "Pod"]) {
  let clock = Date.parse("2026-01-10T12:00:00Z");
  let changes = 0;
  const cache = createClusterCache({ name: "east", management: false, kinds, now: () => new Date((clock += 1000)), onChange: () => (changes += 1) });
  return { cache, changes: () => changes };
}
const refused = new ClusterError("east", "refused", "The API server of east refused the connection.");
const up = { ok: true as const, version: "v1.31.0", latencyMs: 3.14 };

type Step = (cache: ReturnType<typeof createClusterCache>) => void;
const healthy = (kind: "Service" | "Pod"): Step => (c) => c.sink(kind).healthy();
const failed = (kind: "Service" | "Pod"): Step => (c) => c.sink(kind).failed(refused);
const probeDown: Step = (c) => c.probe({ ok: false, error: refused });
const probeUp: Step = (c) => c.probe(up);

describe("cluster cache sync state", () => {
  it.each<[string, Step[], string]>([
    ["nothing listed yet", [], "syncing"],
    ["one of two kinds listed", [healthy("Service")], "syncing"],
    ["every kind listed", [healthy("Service"), healthy("Pod")], "synced"],
    ["a watch fails after sync", [healthy("Service"), healthy("Pod"), failed("Pod")], "stale"],
    ["the failed kind recovers", [healthy("Service"), healthy("Pod"), failed("Pod"), healthy("Pod")], "synced"],
    ["the probe fails while watches run", [healthy("Service"), healthy("Pod"), probeDown], "stale"],
    ["the probe recovers", [healthy("Service"), healthy("Pod"), probeDown, probeUp], "synced"],
    ["first list fails", [failed("Service")], "stale"],
  ])("%s → %s", (_name, steps, state) => {
    const { cache } = setup();
    for (const step of steps) step(cache);
    expect(cache.snapshot().state).toBe(state);
  });

  it("a stale cluster keeps its objects and says since when and why", () => {
    const { cache } = setup();
    cache.sink("Service").replace([obj("Service", "a", { namespace: "n" })]);
    healthy("Service")(cache);
    healthy("Pod")(cache);
    failed("Service")(cache);
    const stale = cache.snapshot();
    expect(stale).toMatchObject({ state: "stale", staleSince: expect.stringMatching(/^2026-/), lastError: { reason: "refused" } });
    expect([...stale.objects.Service.keys()]).toEqual(["n/a"]);
    failed("Pod")(cache); // still stale: since does not move
    expect(cache.snapshot().staleSince).toBe(stale.staleSince);
    healthy("Service")(cache);
    healthy("Pod")(cache);
    expect(cache.snapshot()).toMatchObject({ state: "synced", lastError: { reason: "refused" } });
    expect(cache.snapshot().staleSince).toBeUndefined();
  });

  it("snapshots are immutable copies, shared while nothing changes", () => {
    const { cache } = setup();
    const sink = cache.sink("Service");
    sink.upsert(obj("Service", "a", { namespace: "n" }));
    const first = cache.snapshot();
    expect(cache.snapshot()).toBe(first);
    sink.upsert(obj("Service", "b", { namespace: "n" }));
    sink.remove(obj("Service", "a", { namespace: "n" }));
    const second = cache.snapshot();
    expect([...first.objects.Service.keys()]).toEqual(["n/a"]);
    expect([...second.objects.Service.keys()]).toEqual(["n/b"]);
    // Unchanged kinds keep their frozen map.
    expect(second.objects.Pod).toBe(first.objects.Pod);
  });

  it("unwatched kinds are empty and synced; probe data is kept", () => {
    const { cache, changes } = setup(["Service"]);
    healthy("Service")(cache);
    probeUp(cache);
    expect(cache.snapshot()).toMatchObject({ state: "synced", version: "v1.31.0", latencyMs: 3.1 });
    expect(cache.snapshot().objects.Workspace.size).toBe(0);
    expect(changes()).toBe(2);
  });
});

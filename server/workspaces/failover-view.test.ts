// The workspace detail's failover rows: lib/failover's states on the fleet model, memoized per workspace. Between
// two changes the rows are the same array; a Pod changing in a namespace outside the workspace recounts nothing
// the states read, so they stay the same array; an EndpointSlice of the workspace going unready changes them; a
// stale cluster's services read Unknown.
import { describe, expect, it } from "vitest";
import { clusterSnapshot, obj } from "@/lib/fleet/snapshot-fixtures";
import type { CachedObject, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { WorkspaceDeps } from "./deps";
import { demoSnapshot, fakeDeps } from "./test/fake-deps";
import { testModel } from "./test/test-model";
import { viewMemoOf } from "./view-memo";
import { workspaceDetail } from "./workspace-detail";
import { workspaceFailover } from "./workspace-failover";

const WS = "bookinfo-ws";
const DETAILS = "details.bookinfo.svc.cluster.local";
const REVIEWS = "reviews.bookinfo.svc.cluster.local";

/** The EndpointSlice the EndpointSlice controller keeps for `service`: one endpoint per entry of `ready`. */
const slice = (service: string, ready: boolean[]): CachedObject => ({
  ...obj("EndpointSlice", `${service}-abcde`, { namespace: "bookinfo", labels: { "kubernetes.io/service-name": service } }),
  endpoints: ready.map((r, i) => ({ addresses: [`10.244.0.${i + 10}`], conditions: { ready: r } })),
} as CachedObject);

const pod = (name: string, namespace: string): CachedObject => ({ ...obj("Pod", name, { namespace, labels: { app: name } }), status: { phase: "Running" } } as CachedObject);

/** demoSnapshot with west's details slice at `westReady`, and north (stale) running details too. */
function fleet(westReady: boolean[], westExtra: CachedObject[] = []): FleetSnapshot {
  const base = demoSnapshot({ west: [slice("details", westReady), slice("reviews", [true]), ...westExtra], east: [slice("details", [true])] });
  const northDetails = obj("Service", "details", { namespace: "bookinfo", labels: { app: "details" }, spec: { selector: { app: "details" }, ports: [{ name: "http", port: 9080, protocol: "TCP" }] } });
  const north = clusterSnapshot("north", [obj("Namespace", "bookinfo"), northDetails, slice("details", [true])], { state: "stale", staleSince: "2026-01-10T11:00:00.000Z" });
  return { ...base, clusters: base.clusters.map((c) => (c.name === "north" ? north : c)) };
}

/** The same snapshot with one cluster's maps replaced: the others keep their identities, as the fleet cache does. */
function withCluster(s: FleetSnapshot, name: string, next: FleetSnapshot): FleetSnapshot {
  const changed = next.clusters.find((c) => c.name === name);
  return { ...s, revision: s.revision + 1, clusters: s.clusters.map((c) => (c.name === name && changed ? { ...c, objects: { ...c.objects, ...pick(changed.objects, c.objects) } } : c)) };
}

/** The kinds whose content differs between two clusters' objects (by key sets and values): only those maps are new. */
function pick(next: FleetSnapshot["clusters"][number]["objects"], prev: FleetSnapshot["clusters"][number]["objects"]) {
  const out: Record<string, unknown> = {};
  for (const [kind, map] of Object.entries(next)) {
    const old = prev[kind as keyof typeof prev];
    const same = map.size === old.size && [...map.keys()].every((k) => old.has(k) && JSON.stringify(old.get(k)) === JSON.stringify(map.get(k)));
    if (!same) out[kind] = map;
  }
  return out;
}

async function setUp(first: FleetSnapshot) {
  const t = testModel(first);
  const deps: WorkspaceDeps = { ...fakeDeps(first), model: t.model };
  // Every cell, as the paged table hands them out (rows by FQDN, cells by cluster).
  const failover = async () => (await workspaceFailover(deps, { workspace: WS, limit: 100 })).rows.flatMap((r) => r.cells);
  const summary = async () => (await workspaceDetail(deps, WS)).failover;
  return { ...t, deps, failover, summary, computed: () => viewMemoOf(t.model).computed() };
}

const cell = (rows: Awaited<ReturnType<Awaited<ReturnType<typeof setUp>>["failover"]>>, cluster: string, fqdn: string) => rows.find((r) => r.cluster === cluster && r.fqdn === fqdn);

describe("workspace detail: failover state per service per cluster", () => {
  it("has a row per service per cluster, with lib/failover's words and sentence", async () => {
    const { failover } = await setUp(fleet([true]));
    const rows = await failover();
    expect(rows.map((r) => `${r.cluster} ${r.fqdn}`)).toEqual([`east ${DETAILS}`, `north ${DETAILS}`, `west ${DETAILS}`, `west ${REVIEWS}`]);
    const reviews = cell(rows, "west", REVIEWS);
    // reviews runs in west only: nothing to fail over to.
    expect(reviews).toMatchObject({ kind: "at-risk", words: "At risk", reason: "no-remote-instance", reasonWords: "runs in no other cluster", targets: [] });
    expect(reviews?.sentence).toMatch(/^At risk: runs in no other cluster; 1 of 1 local endpoints ready\.$/);
  });

  it("a stale cluster's services are Unknown, never Unavailable", async () => {
    const { failover } = await setUp(fleet([true]));
    expect(cell(await failover(), "north", DETAILS)).toMatchObject({ kind: "unknown", words: "Unknown", sentence: "Unknown: north cannot be seen now (stale since 2026-01-10T11:00:00.000Z)." });
  });

  it("between two changes, any number of details return the same rows and compute nothing", async () => {
    const { summary, failover, computed } = await setUp(fleet([true]));
    const first = await summary();
    const cells = await failover();
    const once = computed();
    for (let i = 0; i < 50; i++) expect(await summary()).toBe(first);
    // Pages read the same cells (the very objects), and compute nothing either.
    for (let i = 0; i < 10; i++) (await failover()).forEach((c, j) => expect(c).toBe(cells[j]));
    expect(computed()).toBe(once);
  });

  it("a Pod changing outside the workspace recounts endpoints but keeps the very same rows", async () => {
    const start = fleet([true]);
    const { summary, publish, model } = await setUp(start);
    const first = await summary();
    const next = withCluster(start, "west", fleet([true], [pod("unrelated", "other")]));
    expect(next.clusters.find((c) => c.name === "west")?.objects.Pod).not.toBe(start.clusters.find((c) => c.name === "west")?.objects.Pod);
    publish(next);
    await model.settled();
    expect(model.current()?.snapshot).toBe(next);
    expect(await summary()).toBe(first);
  });

  it("west's details slice going unready changes west's details and nothing else", async () => {
    const start = fleet([true]);
    const { failover, summary, publish, model } = await setUp(start);
    const before = await failover();
    const version = (await summary()).version;
    expect(cell(before, "west", DETAILS)?.sentence).toContain("1 of 1 local endpoints ready");
    publish(withCluster(start, "west", fleet([false])));
    await model.settled();
    const after = await failover();
    // A cell changed: the summary's version says so, which is what makes an open page fetch its rows again.
    expect((await summary()).version).toBeGreaterThan(version);
    const west = cell(after, "west", DETAILS);
    // No local endpoint left and no remote that works: north could not be seen (it may work), so At risk, not
    // Unavailable, and the count says the local instance is gone.
    expect(west).toMatchObject({ kind: "at-risk", reason: "remote-cluster-stale" });
    expect(west?.sentence).toContain("0 of 1 local endpoints ready");
    expect(cell(after, "west", REVIEWS)).toEqual(cell(before, "west", REVIEWS));
    expect(cell(after, "east", DETAILS)).toEqual(cell(before, "east", DETAILS));
  });
});

// The registry's incremental comparison over the fleet cache's versioned maps: observed lists are made per chunk
// (lib/registry/observed-from-snapshot.ts) and compared chunk by chunk (compare-patch.ts). A random walk of
// updates, deletes, re-inserts (which move an object to the end), mass deletes (compaction) and relists (a new
// map) must compare exactly as a full comparison of the same objects does.
import { describe, expect, it } from "vitest";
import { clusterSnapshot } from "@/lib/fleet/snapshot-fixtures";
import { objectKey, type CachedObject, type ClusterSnapshot, type FleetKind } from "@/lib/fleet/snapshot-types";
import type { DesiredObject } from "@/lib/plan/desired";
import { desiredId } from "@/lib/plan/place";
import { plan } from "@/lib/plan/plan";
import { seedInput } from "@/lib/plan/test-fixtures";
import { compareCluster, type Comparison } from "@/lib/registry/compare";
import { compareIncrementally, comparisonsOf, type Compared } from "@/lib/registry/compare-patch";
import { clusterParts, observedCluster } from "@/lib/registry/observed-from-snapshot";
import { scopeFromPlanned } from "@/lib/registry/ownership-scope";
import { createRegistryMemos } from "@/lib/registry/registry-memos";
import { live } from "@/lib/registry/test-helpers";
import { REGISTRY_KINDS, type ObservedObject } from "@/lib/registry/types";
import { random } from "@/server/model/test/fleet-gen";
import { VersionedMap } from "./versioned-map";

const pool: DesiredObject[] = Object.values(plan(seedInput({ exposed: "absent", north: ["productpage", "ratings"] })).clusters).flat();
const all = [...new Map(pool.map((d) => [desiredId(d), d])).values()];
const scope = scopeFromPlanned(all);
const template = all.find((d) => d.kind === "WorkloadEntry") as DesiredObject;

/** An observed object as the fleet cache holds it (the API's JSON). */
function cached(o: ObservedObject): CachedObject {
  const managedFields = o.managers.map((m) => ({ manager: m.split("/")[0] ?? "", operation: m.split("/")[1] ?? "" }));
  return { apiVersion: "v1", kind: o.kind, metadata: { name: o.name, namespace: o.namespace, uid: o.uid, resourceVersion: o.resourceVersion, labels: o.labels, annotations: o.annotations, managedFields }, spec: o.spec };
}

/** A live version of a planned object (ours, or now and then a foreign one under the planned name). */
const version = (r: ReturnType<typeof random>, d: DesiredObject) => cached(live(d, r.next() < 0.2 ? { labels: {} } : {}));
/** A WorkloadEntry nobody plans: an owned leftover (to delete) or someone else's (left alone). */
const filler = (r: ReturnType<typeof random>, i: number) => cached(live(template, { name: `filler-${i}`, ...(r.next() < 0.5 ? { labels: {} } : {}) }));

const sortedById = (ds: Iterable<DesiredObject>) => [...ds].sort((a, b) => (desiredId(a) < desiredId(b) ? -1 : 1));
const summary = (cs: Comparison[]) => cs.map((c) => [`${c.id} ${c.status}`, "desired" in c ? c.desired : undefined, "observed" in c ? c.observed : undefined] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function walk(seed: number) {
  const r = random(seed);
  const maps = new Map<FleetKind, VersionedMap<CachedObject>>(REGISTRY_KINDS.map((k) => [k, new VersionedMap<CachedObject>()]));
  const put = (o: CachedObject) => maps.get(o.kind as FleetKind)?.set(objectKey(o.metadata), o);
  for (const d of all) if (r.next() < 0.7) put(version(r, d));
  for (let i = 0; i < 700; i++) put(filler(r, i));
  const base = clusterSnapshot("west", []);
  const snapshot = (): ClusterSnapshot => ({ ...base, objects: { ...base.objects, ...Object.fromEntries([...maps].map(([k, m]) => [k, m.snapshot()])) } });
  const edits: Array<() => void> = [
    () => put(version(r, r.pick(all) as DesiredObject)),
    () => put(filler(r, r.int(900))),
    () => maps.get("WorkloadEntry")?.delete(`${template.metadata.namespace}/filler-${r.int(900)}`),
    () => {
      // Deleted and set again: the same object, now at the end of the map.
      const d = r.pick(all) as DesiredObject;
      const map = maps.get(d.kind);
      const key = `${d.metadata.namespace}/${d.metadata.name}`;
      const o = map?.get(key);
      if (o && map?.delete(key)) map.set(key, o);
    },
    () => {
      // Most fillers go at once: the map closes its holes (objects move to other chunks).
      for (let i = 0; i < 900; i++) if (r.next() < 0.9) maps.get("WorkloadEntry")?.delete(`${template.metadata.namespace}/filler-${i}`);
    },
    () => {
      // A relist: a new map with the same objects in another order.
      const kind = r.pick(REGISTRY_KINDS) as FleetKind;
      const entries = [...(maps.get(kind)?.snapshot() ?? [])].reverse();
      maps.set(kind, new VersionedMap(entries));
    },
  ];
  return { r, snapshot, edits };
}

describe("comparisons over versioned maps", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])("match a full comparison at every step of random walk %i", (seed) => {
    const { r, snapshot, edits } = walk(seed);
    const memos = createRegistryMemos();
    let desired = sortedById(all.filter(() => r.next() < 0.7));
    let compared: Compared | undefined;
    for (let step = 0; step < 60; step++) {
      const seen = observedCluster(snapshot(), memos);
      const observed = seen.objects;
      compared = compareIncrementally(compared, desired, clusterParts(seen, memos), scope, memos);
      const cold = compareCluster(desired, observedCluster(snapshot()).objects, "standalone", scope);
      expect(summary(comparisonsOf(compared)).map(([k]) => k), `step ${step}`).toEqual(summary(cold).map(([k]) => k));
      expect(comparisonsOf(compared).every((c) => !("observed" in c) || observed.includes(c.observed)), `step ${step}: every live side is a current view`).toBe(true);
      for (let n = 1 + r.int(4); n > 0; n--) (r.pick(edits) as () => void)();
      if (r.next() < 0.3) desired = sortedById(all.filter(() => r.next() < 0.7));
    }
  });
});

import { describe, expect, it } from "vitest";
import { CONTENT_HASH_ANNOTATION, type DesiredObject } from "@/lib/plan/desired";
import { desiredId } from "@/lib/plan/place";
import { plan } from "@/lib/plan/plan";
import { seedInput } from "@/lib/plan/test-fixtures";
import { compareCluster, type Comparison } from "./compare";
import { compareIncrementally, comparisonsOf, type Compared } from "./compare-patch";
import { clusterParts, observedCluster } from "./observed-from-snapshot";
import { scopeFromPlanned } from "./ownership-scope";
import { createRegistryMemos } from "./registry-memos";
import { clusterOfKinds } from "@/lib/fleet/snapshot-fixtures";
import type { SnapshotObject } from "./raw-object";
import { live } from "./test-helpers";
import { REGISTRY_KINDS, type ObservedObject } from "./types";

// A deterministic pseudo-random walk over planned and live objects: each step adds, drops or replaces some on
// either side (including foreign objects under planned names and owned leftovers), and the patched comparison
// must say exactly what a full one says.
function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const pool: DesiredObject[] = Object.values(plan(seedInput({ exposed: "absent", north: ["productpage", "ratings"] })).clusters).flat();
const byId = new Map(pool.map((d) => [desiredId(d), d]));
const all = [...byId.values()];
// One scope for every step: where any object of the pool is placed.
const scope = scopeFromPlanned(all);
const sorted = (ds: DesiredObject[]) => [...new Set(ds)].sort((a, b) => (desiredId(a) < desiredId(b) ? -1 : 1));
const key = (c: Comparison) => `${c.id} ${c.status}`;
const summary = (cs: Comparison[]) => cs.map((c) => [key(c), "desired" in c ? c.desired : undefined, "observed" in c ? c.observed : undefined] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** A patch's delta (compare-patch.ts ComparedDelta) names exactly the comparisons that left and joined the list. */
function expectExactDelta(before: Compared | undefined, now: Compared, label: string): number {
  if (!before || before === now || !now.delta) return 0;
  const [was, is] = [new Set(comparisonsOf(before)), new Set(comparisonsOf(now))];
  expect(new Set(now.delta.retired), label).toEqual(new Set(comparisonsOf(before).filter((c) => !is.has(c))));
  expect(new Set(now.delta.added), label).toEqual(new Set(comparisonsOf(now).filter((c) => !was.has(c))));
  return 1;
}

function step(random: () => number, desired: DesiredObject[], observed: ObservedObject[]): [DesiredObject[], ObservedObject[]] {
  const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  let d = desired.filter(() => random() > 0.1);
  for (let i = 0; i < 3; i++) d.push(pick(all) as DesiredObject);
  // A re-planned object: same id, new content object.
  if (random() < 0.5 && d.length > 0) d = d.map((x) => (random() < 0.1 ? { ...x, spec: { ...x.spec, changed: random() } } : x));
  const dedup = new Map(d.map((x) => [desiredId(x), x]));
  let o = observed.filter(() => random() > 0.1);
  for (let i = 0; i < 3; i++) {
    const from = pick(all) as DesiredObject;
    const foreign = random() < 0.2;
    o.push(live(from, foreign ? { labels: {} } : {}));
  }
  const ids = new Map(o.map((x) => [`${x.kind} ${x.namespace}/${x.name}`, x]));
  o = [...ids.values()];
  return [sorted([...dedup.values()]), o];
}

describe("compareIncrementally", () => {
  it.each([1, 2, 3, 4, 5])("matches a full comparison at every step of random walk %i", (seed) => {
    const random = rng(seed);
    let desired = sorted(all.filter(() => random() > 0.5));
    let observed: ObservedObject[] = desired.filter(() => random() > 0.3).map((d) => live(d));
    let compared: Compared | undefined;
    for (let i = 0; i < 40; i++) {
      compared = compareIncrementally(compared, desired, [observed], scope);
      expect(summary(comparisonsOf(compared)), `step ${i}`).toEqual(summary(compareCluster(desired, observed, "standalone", scope)));
      [desired, observed] = step(random, desired, observed);
    }
  });

  // As the registry sees it: observed lists made by observedCluster from per-kind snapshot lists, where a kind
  // nobody touched keeps its very list, and a plan that did not change keeps its very list too.
  it.each([6, 7, 8])("matches a full comparison when kinds and plans are kept between steps, walk %i (memos in walk 8)", (seed) => {
    const random = rng(seed);
    const memos = createRegistryMemos();
    const toSnapshot = (o: ObservedObject): SnapshotObject => ({ metadata: { name: o.name, namespace: o.namespace, uid: o.uid, resourceVersion: o.resourceVersion, labels: o.labels, annotations: o.annotations, managedFields: o.managers.map((m) => ({ manager: m.split("/")[0], operation: m.split("/")[1] })) }, spec: o.spec });
    const clusterOf = (os: ObservedObject[]) => clusterOfKinds("west", Object.fromEntries(REGISTRY_KINDS.map((k) => [k, os.filter((o) => o.kind === k).map(toSnapshot)])));
    let desired = sorted(all.filter(() => random() > 0.5));
    let source = clusterOf(desired.filter(() => random() > 0.3).map((d) => live(d)));
    let compared: Compared | undefined;
    let [deltas, mergedDeltas] = [0, 0];
    for (let i = 0; i < 40; i++) {
      const withMemos = seed === 8 ? memos : undefined;
      const seen = observedCluster(source, withMemos);
      const observed = seen.objects;
      const before = compared;
      compared = compareIncrementally(compared, desired, clusterParts(seen, withMemos), scope, withMemos);
      expect(summary(comparisonsOf(compared)), `step ${i}`).toEqual(summary(compareCluster(desired, observed, "standalone", scope)));
      const exact = expectExactDelta(before, compared, `step ${i}`);
      deltas += exact;
      if (before && before.desired !== desired) mergedDeltas += exact;
      const [nextDesired, nextObserved] = step(random, desired, observed);
      if (random() < 0.5) desired = nextDesired;
      const kept = REGISTRY_KINDS.filter(() => random() < 0.6);
      const changed = clusterOf(nextObserved).objects;
      source = { ...source, objects: { ...changed, ...Object.fromEntries(kept.map((k) => [k, source.objects[k]])) } };
    }
    // Both paths were taken with their deltas checked: the same plan, and a new plan merged with the last.
    expect(deltas).toBeGreaterThan(5);
    expect(mergedDeltas).toBeGreaterThan(3);
  });

  it.each([false, true])("compares a dirty id again when the plan is the same list (memos: %s)", (withMemos) => {
    const memos = withMemos ? createRegistryMemos() : undefined;
    const desired = sorted(all);
    const observed = desired.map((d) => live(d));
    const first = compareIncrementally(undefined, desired, [observed], scope, memos);
    expect(comparisonsOf(first).every((c) => c.status === "same")).toBe(true);
    const at = 5;
    const target = desired[at] as DesiredObject;
    const edited = observed.map((o, i) => (i === at ? live(target, { annotations: { ...o.annotations, [CONTENT_HASH_ANNOTATION]: "0".repeat(32) } }) : o));
    const second = compareIncrementally(first, desired, [edited], scope, memos);
    // The copied comparison of the edited id is replaced; every other one is the very object it was.
    expect(comparisonsOf(second)[at]).toMatchObject({ id: desiredId(target), status: "different", observed: edited[at] });
    expect(comparisonsOf(second).filter((c, i) => c !== comparisonsOf(first)[i])).toEqual([comparisonsOf(second)[at]]);
    expect(second.delta).toEqual({ retired: [comparisonsOf(first)[at]], added: [comparisonsOf(second)[at]] });
    const third = compareIncrementally(second, desired, [edited.filter((_, i) => i !== at)], scope, memos);
    expect(comparisonsOf(third)[at]).toMatchObject({ id: desiredId(target), status: "missing" });
    const fourth = compareIncrementally(third, desired, [observed], scope, memos);
    expect(comparisonsOf(fourth)[at]).toMatchObject({ status: "same", observed: observed[at] });
  });

  it("hands back the previous comparison when nothing changed", () => {
    const desired = sorted(all);
    const observed = [desired.map((d) => live(d))];
    const first = compareIncrementally(undefined, desired, observed, scope);
    expect(compareIncrementally(first, desired, observed, scope)).toBe(first);
  });
});

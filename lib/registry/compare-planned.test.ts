import { describe, expect, it } from "vitest";
import { CONTENT_HASH_ANNOTATION, type DesiredObject } from "@/lib/plan/desired";
import { desiredId } from "@/lib/plan/place";
import { plan } from "@/lib/plan/plan";
import { applyClusterDelta, type ListPatches } from "@/lib/plan/plan-delta";
import { seedInput } from "@/lib/plan/test-fixtures";
import { compareCluster, type Comparison } from "./compare";
import { compareIncrementally, comparisonsOf, type Compared } from "./compare-patch";
import { scopeFromPlanned } from "./ownership-scope";
import { createRegistryMemos } from "./registry-memos";
import { live } from "./test-helpers";
import type { ObservedObject } from "./types";

// The splice path of a patched comparison (compare-planned.ts splicedPlan): plan lists made as the planner host's
// mirror makes them (applyClusterDelta, recording each list's patch), a few changes per step on both sides, and
// at every step the patched comparison must say exactly what a full one says, with an exact delta. The lists are
// long enough (~4,000 objects) for a few changes to be spliced rather than walked, across several chunks of the
// comparisons (chunk-list.ts: 1,024 each).
function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const seedPlan = Object.values(plan(seedInput({ exposed: "absent", north: ["productpage", "ratings"] })).clusters).flat();
const base = [...new Map(seedPlan.map((d) => [desiredId(d), d])).values()];
// Copies under other names: the same kinds, namespaces and marks, many more objects.
const pool = Array.from({ length: 200 }, (_, k) => base.map((d) => ({ ...d, metadata: { ...d.metadata, name: `${d.metadata.name}-${k}` } }))).flat();
const scope = scopeFromPlanned(pool);
const sorted = (ds: DesiredObject[]) => [...ds].sort((a, b) => (desiredId(a) < desiredId(b) ? -1 : 1));
const summary = (cs: Comparison[]) => cs.map((c) => [`${c.id} ${c.status}`, "desired" in c ? c.desired : undefined, "observed" in c ? c.observed : undefined] as const);

function exactDelta(before: Compared, now: Compared): void {
  const [was, is] = [new Set(comparisonsOf(before)), new Set(comparisonsOf(now))];
  expect(new Set(now.delta?.retired)).toEqual(new Set(comparisonsOf(before).filter((c) => !is.has(c))));
  expect(new Set(now.delta?.added)).toEqual(new Set(comparisonsOf(now).filter((c) => !was.has(c))));
}

/** A few upserts (new objects, re-planned ones) and removes of the current list. */
function planChange(random: () => number, desired: readonly DesiredObject[]) {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const planned = new Set(desired.map(desiredId));
  const removes = [...new Set(Array.from({ length: Math.floor(random() * 3) }, () => desiredId(pick(desired))))];
  const fresh = Array.from({ length: Math.floor(random() * 3) }, () => pick(pool)).filter((d) => !planned.has(desiredId(d)));
  const replanned = Array.from({ length: Math.floor(random() * 2) }, () => pick(desired)).filter((d) => !removes.includes(desiredId(d)));
  const upserts = [...new Map([...fresh, ...replanned.map((d) => ({ ...d, spec: { ...d.spec, changed: random() } }))].map((d) => [desiredId(d), d])).values()];
  return { kind: "patch" as const, upserts: sorted(upserts), removes: removes.filter((id) => !upserts.some((d) => desiredId(d) === id)).sort() };
}

/** A few live objects dropped, added (some foreign, some under ids nobody plans now), or edited. */
function liveChange(random: () => number, observed: readonly ObservedObject[]): ObservedObject[] {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  let o = observed.filter(() => random() > 0.002);
  for (let i = 0; i < Math.floor(random() * 3); i++) o.push(live(pick(pool), random() < 0.3 ? { labels: {} } : {}));
  if (random() < 0.5) o = o.map((x) => (random() < 0.001 ? { ...x, annotations: { ...x.annotations, [CONTENT_HASH_ANNOTATION]: "0".repeat(32) } } : x));
  return [...new Map(o.map((x) => [`${x.kind} ${x.namespace}/${x.name}`, x])).values()];
}

describe("compareIncrementally with the plan's list patches", () => {
  it.each([1, 2, 3, 4])("splices what changed and matches a full comparison at every step, walk %i", (seed) => {
    const random = rng(seed);
    const patches: ListPatches = new WeakMap();
    let looked = 0;
    const memos = createRegistryMemos((list) => {
      const found = patches.get(list);
      if (found) looked++;
      return found;
    });
    let desired = applyClusterDelta(undefined, { kind: "replace", objects: sorted(pool.filter(() => random() > 0.4)) }, patches);
    let observed = desired.filter(() => random() > 0.05).map((d) => live(d));
    // One part, the same array while the live side is unchanged (as clusterParts hands it out).
    let parts = [observed];
    let compared = compareIncrementally(undefined, desired, parts, scope, memos);
    for (let i = 0; i < 30; i++) {
      if (random() < 0.8) desired = applyClusterDelta(desired, planChange(random, desired), patches);
      if (random() < 0.7) parts = [(observed = liveChange(random, observed))];
      const before = compared;
      compared = compareIncrementally(compared, desired, parts, scope, memos);
      expect(summary(comparisonsOf(compared)), `step ${i}`).toEqual(summary(compareCluster(desired, observed, "standalone", scope)));
      if (compared !== before) exactDelta(before, compared);
    }
    // New plan lists were compared through their patches (the splice path), not only walked.
    expect(looked).toBeGreaterThan(15);
  });
});

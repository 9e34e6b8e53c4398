import { describe, expect, it } from "vitest";
import { CONTENT_HASH_ANNOTATION, type DesiredObject } from "@/lib/plan/desired";
import { desiredId } from "@/lib/plan/place";
import { plan } from "@/lib/plan/plan";
import { seedInput } from "@/lib/plan/test-fixtures";
import { diffCluster, type ClusterHolds } from "./diff";
import { comparisonsOf } from "./compare-patch";
import { diffPatched, type PatchedDiff } from "./diff-patch";
import { scopeFromPlanned } from "./ownership-scope";
import { createRegistryMemos } from "./registry-memos";
import { live, withSources } from "./test-helpers";
import type { ObservedCluster, ObservedObject } from "./types";

// A deterministic pseudo-random walk (as in compare-patch.test.ts) over one cluster's plan, its live objects and
// the holds: the plan is often kept as the very list (the registry's writes streaming back), live objects are
// added, dropped, edited (a changed hash), copied by someone else (foreign), left over (owned, unplanned) or
// generated from other clusters; clusters go stale and come back. At every step the patched diff must be the
// full diffCluster, actions and conditions in the same order.
function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const CLUSTER = "north";
const pool: DesiredObject[] = Object.values(plan(seedInput({ exposed: "absent", north: ["productpage", "ratings"] })).clusters).flat();
const all = [...new Map(pool.map((d) => [desiredId(d), d])).values()];
const scope = scopeFromPlanned(all);
const sorted = (ds: DesiredObject[]) => [...new Map(ds.map((d) => [desiredId(d), d])).values()].sort((a, b) => (desiredId(a) < desiredId(b) ? -1 : 1));

type Random = () => number;
const pick = <T,>(random: Random, xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;

function liveVariant(random: Random, d: DesiredObject): ObservedObject {
  const r = random();
  if (r < 0.15) return live(d, { labels: {} }); // foreign: not provably ours
  if (r < 0.3) return live(d, { annotations: { ...d.metadata.annotations, [CONTENT_HASH_ANNOTATION]: "0".repeat(32) }, spec: {} });
  if (r < 0.45) return withSources(live(d), pick(random, ["east", "west,gone", "east,west"]));
  return live(d);
}

function nextObserved(random: Random, observed: ObservedObject[]): ObservedObject[] {
  const kept = observed.filter(() => random() > 0.15);
  for (let i = 0; i < 3; i++) kept.push(liveVariant(random, pick(random, all)));
  return [...new Map(kept.map((o) => [`${o.kind} ${o.namespace}/${o.name}`, o])).values()];
}

function nextDesired(random: Random, desired: DesiredObject[]): DesiredObject[] {
  if (random() < 0.6) return desired; // the same plan: compare-patch.ts's same-list path
  const d = desired.filter(() => random() > 0.1);
  for (let i = 0; i < 3; i++) d.push(pick(random, all));
  return sorted(d);
}

function holdsOf(random: Random): ClusterHolds {
  const stale = new Set(["east", "west", "gone", ...(random() < 0.15 ? [CLUSTER] : [])].filter(() => random() < 0.3));
  return { stale, configStale: random() < 0.2 };
}

describe("diffPatched", () => {
  // Sticky walks keep the holds (and the unobserved kinds) for several steps, as a converging fleet does, so kept
  // comparisons keep their decisions; the others draw new holds at every step.
  it.each([
    [1, false, false],
    [2, false, false],
    [3, true, false],
    [4, true, false],
    [5, true, false],
    [6, true, true],
    [7, true, true],
    [8, false, true],
  ])("equals a full diffCluster at every step of random walk %i (memos: %s, sticky holds: %s)", (seed, withMemos, sticky) => {
    const random = rng(seed);
    const memos = withMemos ? createRegistryMemos() : undefined;
    let desired = sorted(all.filter(() => random() > 0.4));
    let observed = desired.filter(() => random() > 0.3).map((d) => liveVariant(random, d));
    let previous: PatchedDiff | undefined;
    let [patchedSteps, keptDecisions] = [0, 0];
    let [holds, unobserved] = [holdsOf(random), random() < 0.2];
    for (let i = 0; i < 60; i++) {
      if (!sticky || random() < 0.2) [holds, unobserved] = [holdsOf(random), random() < 0.2];
      const seen: ObservedCluster = { name: CLUSTER, stale: false, objects: observed, ...(unobserved ? { unobservedKinds: ["Gateway"] } : {}) };
      const now = diffPatched(CLUSTER, desired, seen, holds, scope, previous, memos);
      expect(now.result, `step ${i}`).toEqual(diffCluster(CLUSTER, desired, seen, holds, undefined, scope));
      expect(now.notable, `step ${i}`).toEqual(comparisonsOf(now.compared).filter((c) => c.status !== "same"));
      if (previous && now.compared !== previous.compared && now.compared.delta) patchedSteps++;
      if (now.decided && previous?.decided?.key === now.decided.key && now.compared.delta) keptDecisions++;
      previous = now;
      desired = nextDesired(random, desired);
      observed = nextObserved(random, observed);
    }
    // The walk went through the patched path, not only through full comparisons; a sticky one kept decisions.
    expect(patchedSteps).toBeGreaterThan(20);
    if (sticky) expect(keptDecisions).toBeGreaterThan(15);
  });

  it("finds a change in a converged cluster without keeping the previous verdict", () => {
    const desired = sorted(all);
    const memos = createRegistryMemos();
    const holds: ClusterHolds = { stale: new Set(), configStale: false };
    const observed = desired.map((d) => live(d));
    const first = diffPatched(CLUSTER, desired, { name: CLUSTER, stale: false, objects: observed }, holds, scope, undefined, memos);
    expect(first.result.actions).toEqual([]);
    expect(first.notable).toEqual([]);
    const target = desired[3] as DesiredObject;
    const edited = observed.map((o, i) => (i === 3 ? live(target, { annotations: { ...o.annotations, [CONTENT_HASH_ANNOTATION]: "0".repeat(32) } }) : o));
    const second = diffPatched(CLUSTER, desired, { name: CLUSTER, stale: false, objects: edited }, holds, scope, first, memos);
    expect(second.result.actions.map((a) => `${a.action} ${a.kind} ${a.namespace}/${a.name}`)).toEqual([`apply ${target.kind} ${target.metadata.namespace}/${target.metadata.name}`]);
    const third = diffPatched(CLUSTER, desired, { name: CLUSTER, stale: false, objects: observed }, holds, scope, second, memos);
    expect(third.result.actions).toEqual([]);
  });
});

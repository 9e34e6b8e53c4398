import { describe, expect, it } from "vitest";
import { buildObject, type DesiredObject } from "./desired";
import type { ClusterInput, PlanInput } from "./input";
import { applyClusterDelta, applyPlanDelta, planDelta, type ListPatches, type PlanDelta } from "./plan-delta";
import type { PlanResult } from "./plan-result";
import { createPlanner } from "./planner";
import { bookinfoCluster, BOOKINFO, DETAILS, REVIEWS, seedInput, service, workspace } from "./test-fixtures";

const object = (name: string, spec: Record<string, string> = {}): DesiredObject =>
  buildObject({ kind: "ServiceEntry", name, namespace: "ns", provenance: { workspaces: [], settings: [], sourceClusters: [], services: [] }, spec });
const result = (clusters: Record<string, DesiredObject[]>): PlanResult => ({ clusters, conditions: [], heldBack: [] });
const roundTrip = (before: PlanResult | undefined, after: PlanResult) => applyPlanDelta(before, planDelta(before, after));

describe("planDelta", () => {
  const [a, b, c, d] = ["a", "b", "c", "d"].map((n) => object(n)) as [DesiredObject, DesiredObject, DesiredObject, DesiredObject];
  const b2 = object("b", { changed: "yes" });
  const same = [a, b];

  const rows: { name: string; before: PlanResult | undefined; after: PlanResult; delta: PlanDelta["clusters"]; removed?: string[] }[] = [
    { name: "nothing planned yet: every cluster replaced", before: undefined, after: result({ x: [a], y: [] }), delta: { x: { kind: "replace", objects: [a] }, y: { kind: "replace", objects: [] } } },
    { name: "the same array: left out", before: result({ x: same }), after: result({ x: same }), delta: {} },
    { name: "an equal list in a new array: left out", before: result({ x: [a, b] }), after: result({ x: [a, b] }), delta: {} },
    { name: "added, changed, removed", before: result({ x: [a, b, d] }), after: result({ x: [a, b2, c] }), delta: { x: { kind: "patch", upserts: [b2, c], removes: ["ServiceEntry ns/d"] } } },
    { name: "emptied", before: result({ x: [a, b] }), after: result({ x: [] }), delta: { x: { kind: "patch", upserts: [], removes: ["ServiceEntry ns/a", "ServiceEntry ns/b"] } } },
    { name: "a cluster goes, another comes", before: result({ x: same }), after: result({ y: [c] }), delta: { y: { kind: "replace", objects: [c] } }, removed: ["x"] },
  ];

  it.each(rows)("$name", ({ before, after, delta, removed }) => {
    const computed = planDelta(before, after);
    expect(computed.clusters).toEqual(delta);
    expect(computed.removedClusters).toEqual(removed ?? []);
    expect(JSON.stringify(roundTrip(before, after))).toBe(JSON.stringify(after));
  });

  it("patches a long list with few changes (binary search) and with many (merge) alike", () => {
    const long = Array.from({ length: 400 }, (_, i) => object(`o-${String(i).padStart(3, "0")}`));
    const few = [object("a-first"), ...long.slice(1, 200), object("o-200", { changed: "yes" }), ...long.slice(201), object("z-last")];
    const many = long.filter((_, i) => i % 3 !== 0).map((o, i) => (i % 5 === 0 ? object(o.metadata.name, { changed: "yes" }) : o));
    for (const after of [few, many]) expect(JSON.stringify(roundTrip(result({ x: long }), result({ x: after })))).toBe(JSON.stringify(result({ x: after })));
  });

  it("applies random patches as a reference does: removes of absent ids, an id both removed and upserted", () => {
    const r = rng(11);
    const name = () => `o-${String(Math.floor(r() * 300)).padStart(3, "0")}`;
    let list = [...new Set(Array.from({ length: 200 }, name))].sort().map((n) => object(n));
    const patches: ListPatches = new WeakMap();
    for (let round = 0; round < 40; round++) {
      // In id order, as planDelta lists them.
      const upserts = [...new Map(Array.from({ length: Math.floor(r() * (round % 2 ? 4 : 120)) }, () => object(name(), { round: String(round) })).map((o) => [o.metadata.name, o])).values()].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
      const removes = Array.from({ length: Math.floor(r() * 30) }, () => `ServiceEntry ns/${name()}`);
      const expected = new Map(list.map((o) => [o.metadata.name, o]));
      for (const id of removes) expected.delete(id.slice("ServiceEntry ns/".length));
      for (const o of upserts) expected.set(o.metadata.name, o);
      const next = applyClusterDelta(list, { kind: "patch", upserts, removes }, round % 3 ? patches : undefined);
      expect(next.map((o) => o.metadata.name)).toEqual([...expected.keys()].sort());
      expect(next.every((o) => o === expected.get(o.metadata.name))).toBe(true);
      // A new list at its final size (no holes), recording what it was made from.
      expect(Object.keys(next).length).toBe(next.length);
      if (round % 3) expect(patches.get(next)?.from.deref()).toBe(list);
      list = next;
    }
  });

  it("applying keeps an unchanged cluster's array and sorts clusters as plan() does", () => {
    const before = result({ m: same, z: [a] });
    const applied = roundTrip(before, result({ m: same, b: [c], z: [a, d] }));
    expect(applied.clusters.m).toBe(same);
    expect(Object.keys(applied.clusters)).toEqual(["b", "m", "z"]);
  });
});

// A random walk over a small fleet, planned warm (identities kept: patches) and cold (every object new).
type Rng = () => number;
const rng = (seed: number): Rng => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

function edit(r: Rng, input: PlanInput): PlanInput {
  const names = ["west", "east", "north", "south"];
  const name = pick(r, names);
  const existing = input.clusters.find((c) => c.name === name);
  const swap = (fn: (c: ClusterInput) => ClusterInput | undefined) => ({
    ...input,
    clusters: existing ? input.clusters.map((c) => (c === existing ? fn(c) : c)).filter((c): c is ClusterInput => !!c) : [...input.clusters, bookinfoCluster(name, BOOKINFO, r() < 0.5)],
  });
  switch (Math.floor(r() * 6)) {
    case 0: return swap((c) => ({ ...c, services: [...c.services, service(pick(r, ["details", "ratings", "extra"]), pick(r, ["bookinfo", "other"]))] }));
    case 1: return swap((c) => ({ ...c, services: c.services.filter((s) => s.name !== pick(r, BOOKINFO)) }));
    case 2: return swap((c) => ({ ...c, stale: !c.stale }));
    case 3: return swap((c) => (r() < 0.3 ? undefined : { ...c, gateways: r() < 0.5 ? [] : bookinfoCluster(c.name, [], true).gateways }));
    case 4: return { ...input, workspaces: [workspace(pick(r, [[DETAILS], [DETAILS, REVIEWS], [], undefined]))] };
    default: return input;
  }
}

describe("applyPlanDelta(before, planDelta(before, after))", () => {
  it.each([1, 2, 3])("equals after at every step of a random walk (seed %i)", (seed) => {
    const r = rng(seed);
    const warm = createPlanner();
    let input = seedInput();
    let previous: PlanResult | undefined;
    // As the planner host does: each cluster patched, recording how each list was made.
    const patches: ListPatches = new WeakMap();
    for (let step = 0; step < 40; step++) {
      input = edit(r, input);
      const after = r() < 0.2 ? createPlanner().plan(input) : warm.plan(input);
      const delta = planDelta(previous, after);
      const clusters = Object.entries(delta.clusters).map(([name, change]) => [name, applyClusterDelta(previous?.clusters[name], change, patches)]);
      const applied = applyPlanDelta(previous, delta, Object.fromEntries(clusters));
      expect(JSON.stringify(applied), `step ${step}`).toBe(JSON.stringify(after));
      for (const [name, objects] of Object.entries(applied.clusters)) if (previous?.clusters[name] === after.clusters[name]) expect(objects).toBe(previous?.clusters[name]);
      previous = applied;
    }
  });
});

import { describe, expect, it } from "vitest";
import type { DesiredObject } from "@/lib/plan/desired";
import { seedInput } from "@/lib/plan/test-fixtures";
import { createRegistryMemos } from "@/lib/registry/registry-memos";
import { live } from "@/lib/registry/test-helpers";
import { drain } from "@/lib/steps";
import { foreignIdsByCluster, heldByForeign, heldByIds } from "./foreign-holders";
import { forkOf } from "./test/plan-fork";

const DETAILS = "details.bookinfo.svc.cluster.local";
const REVIEWS = "reviews.bookinfo.svc.cluster.local";
const { after } = await forkOf(seedInput({ exposed: [DETAILS] }), () => seedInput({ exposed: [DETAILS, REVIEWS] }));

const planned = (kind: string, service: string): DesiredObject => {
  const found = (after.clusters.north ?? []).find((o) => o.kind === kind && o.metadata.name.includes(service));
  if (!found) throw new Error(`the plan has no ${kind} for ${service} in north`);
  return found;
};

describe("heldByForeign over a cluster's observed parts", () => {
  const ours = live(planned("ServiceEntry", "details"));
  const foreign = live(planned("ServiceEntry", "reviews"), { managers: ["kubectl-client-side-apply/Update"] });

  it.each([
    ["the foreign object in the first part", [[foreign], [ours]], ["reviews"]],
    ["the foreign object in a later part", [[ours], [], [foreign]], ["reviews"]],
    ["no foreign object in any part", [[ours], []], []],
  ] as const)("%s", (_name, parts, expected) => {
    const held = heldByForeign([{ name: "north", stale: false, objects: parts.flat(), parts }], after, createRegistryMemos()).all("north");
    expect(held.map((o) => (o.metadata.name.includes("reviews") ? "reviews" : o.metadata.name))).toEqual(expected);
  });

  it("reads the parts, never the cluster's joined list", () => {
    let reads = 0;
    const parts = [[ours], [foreign]];
    const seen = { name: "north", stale: false, parts, get objects() { return (reads++, parts.flat()); } };
    const held = heldByForeign([seen], after, createRegistryMemos());
    expect(held.all("north")).toHaveLength(1);
    expect(drain(foreignIdsByCluster([seen]))).toEqual({ north: [expect.stringContaining("reviews")] });
    expect(reads).toBe(0);
  });

  it("a list rebuilt from the same parts finds what a new part brings", () => {
    const memos = createRegistryMemos();
    const first = [ours];
    expect(heldByForeign([{ name: "north", stale: false, objects: [ours], parts: [first] }], after, memos).all("north")).toEqual([]);
    // One chunk changed: the cluster's view is rebuilt; the unchanged part is reused, the new one read.
    const parts = [first, [foreign]];
    expect(heldByForeign([{ name: "north", stale: false, objects: parts.flat(), parts }], after, memos).all("north")).toHaveLength(1);
  });
});

describe("heldByIds: what the planner worker judges from the foreign ids alone", () => {
  const ours = live(planned("ServiceEntry", "details"));
  const foreign = live(planned("ServiceEntry", "reviews"), { managers: ["kubectl-client-side-apply/Update"] });

  it.each([
    ["a foreign holder", [ours, foreign]],
    ["none", [ours]],
    ["no live object at all", []],
  ] as const)("%s: the same answers as heldByForeign on the live objects", (_name, objects) => {
    const observed = [{ name: "north", stale: false, objects: [...objects] }];
    const ids = drain(foreignIdsByCluster(observed));
    const byIds = heldByIds(ids, after);
    const byObjects = heldByForeign(observed, after);
    expect(byIds.all("north")).toEqual(byObjects.all("north"));
    for (const o of after.clusters.north ?? []) expect(byIds.of("north", o)).toBe(byObjects.of("north", o));
    expect(Object.keys(ids)).toEqual((objects as readonly unknown[]).includes(foreign) ? ["north"] : []);
  });
});

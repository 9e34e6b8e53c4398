import { describe, expect, it } from "vitest";
import type { ClusterInput, PlanInput } from "./input";
import { applyInputDelta, inputDelta } from "./input-delta";
import { bookinfoCluster, BOOKINFO, seedInput, service, workspace } from "./test-fixtures";

const replace = (input: PlanInput, name: string, fn: (c: ClusterInput) => ClusterInput): PlanInput => ({ ...input, clusters: input.clusters.map((c) => (c.name === name ? fn(c) : c)) });
/** What the worker sees: the delta goes through structured clone, as postMessage does. */
const across = (previous: PlanInput | undefined, mirror: PlanInput | undefined, next: PlanInput) => applyInputDelta(mirror, structuredClone(inputDelta(previous, next)));

describe("inputDelta / applyInputDelta", () => {
  it("sends everything the first time, and the receiver's copy equals the input", () => {
    const input = seedInput();
    expect(across(undefined, undefined, input)).toEqual(input);
  });

  it("sends an unchanged cluster as its index, and the receiver keeps its own object", () => {
    const first = seedInput();
    const mirror = across(undefined, undefined, first);
    const next = replace(first, "north", (c) => ({ ...c, stale: true }));
    const delta = inputDelta(first, next);
    expect(delta.clusters.slice(0, 2)).toEqual([{ same: 0 }, { same: 1 }]);
    expect(delta.clusters[2]).toMatchObject({ base: 2, services: "same" });
    const rebuilt = applyInputDelta(mirror, structuredClone(delta));
    expect(rebuilt).toEqual(next);
    expect(rebuilt.clusters[0]).toBe(mirror.clusters[0]);
    expect(rebuilt.clusters[2]?.services).toBe(mirror.clusters[2]?.services);
  });

  it("sends only added and changed services; unchanged ones keep their identity in the receiver", () => {
    const first = seedInput();
    const mirror = across(undefined, undefined, first);
    const next = replace(first, "west", (c) => ({ ...c, services: [service("extra"), ...c.services.filter((s) => s.name !== "ratings").map((s) => (s.name === "details" ? service("details", "bookinfo", { labels: {} }) : s))] }));
    const delta = inputDelta(first, next);
    const west = delta.clusters[0];
    if (!west || "same" in west || west.services === "same") throw new Error("west should be a rebuilt cluster");
    expect(west.services.filter((s) => typeof s !== "number").map((s) => typeof s !== "number" && s.name)).toEqual(["extra", "details"]);
    const rebuilt = applyInputDelta(mirror, structuredClone(delta));
    expect(rebuilt).toEqual(next);
    const mirroredWest = mirror.clusters[0]?.services ?? [];
    const reviews = (i: PlanInput) => i.clusters[0]?.services.find((s) => s.name === "reviews");
    expect(reviews(rebuilt)).toBe(reviews(mirror));
    expect(rebuilt.clusters[0]?.services.some((s) => mirroredWest.includes(s) && s.name === "details")).toBe(false);
  });

  it("keeps the order of clusters, including reordered, added, removed and duplicated ones", () => {
    const first = seedInput();
    const mirror = across(undefined, undefined, first);
    const [west, east] = first.clusters as [ClusterInput, ClusterInput];
    const next: PlanInput = { ...first, clusters: [bookinfoCluster("south", BOOKINFO, true), east, west, west], workspaces: [workspace([])], resolvedHostnames: { "gw.example": ["10.0.0.1"] } };
    const rebuilt = applyInputDelta(mirror, structuredClone(inputDelta(first, next)));
    expect(rebuilt).toEqual(next);
    expect(rebuilt.clusters.map((c) => c.name)).toEqual(["south", "east", "west", "west"]);
    expect(rebuilt.clusters[1]).toBe(mirror.clusters[1]);
  });

  it("drops optional fields the next input no longer has", () => {
    const first = { ...seedInput(), resolvedHostnames: { a: ["10.0.0.1"] } };
    const next: PlanInput = { clusters: first.clusters, workspaces: first.workspaces };
    const rebuilt = across(first, across(undefined, undefined, first), next);
    expect(rebuilt).toEqual(next);
    expect("resolvedHostnames" in rebuilt).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { clusterListErrors, knownClusterError, unknownClusterError, unknownClusterErrors } from "./known-cluster";

const clusters = [
  { name: "west", stale: false },
  { name: "east", stale: true, staleSince: "2026-11-25T01:00:00Z" },
];

describe("knownClusterError", () => {
  it.each([
    ["west", undefined],
    ["east", "cluster east is unreachable or not synced since 2026-11-25T01:00:00Z; wait until it is connected again, or leave it out."],
    ["south", 'cluster "south" is not one of the console\'s clusters (west, east); pick one of them.'],
  ])("%s", (name, message) => {
    expect(knownClusterError("cluster", name, clusters)?.message).toBe(message);
  });

  it("names a context EASTWEST_CONTEXTS leaves out as excluded, not unknown", () => {
    expect(unknownClusterError("cluster", "north", clusters, ["north"])?.message).toBe(
      'cluster "north" is in the kubeconfig but excluded by EASTWEST_CONTEXTS (watching: west, east); add it there to use it.',
    );
    expect(unknownClusterErrors("clusters", ["west", "north", "south"], clusters, ["north"]).map((e) => e.field)).toEqual(["clusters.1", "clusters.2"]);
    expect(unknownClusterError("cluster", "west", clusters, ["north"])).toBeUndefined();
  });

  it("says none when the fleet is empty", () => {
    expect(knownClusterError("cluster", "west", [])?.message).toContain("(none)");
  });
});

describe("clusterListErrors", () => {
  it("indexes each problem and flags duplicates", () => {
    expect(clusterListErrors("clusters", ["west", "south", "west", "east"], clusters).map((e) => e.field)).toEqual(["clusters.1", "clusters.2", "clusters.3"]);
    expect(clusterListErrors("clusters", ["west"], clusters)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { seedInput, withCluster } from "@/lib/plan/test-fixtures";
import { checkFreshClusters } from "./check-fresh-clusters";
import { contextOf } from "./test-helpers";

describe("checkFreshClusters", () => {
  it.each([
    ["all fresh", seedInput(), new Map(), "pass", "east, north and west are connected and synced."],
    [
      "east stale with a reason",
      withCluster(seedInput(), "east", (c) => { c.stale = true; }),
      new Map([["east", { staleSince: "2026-11-25T02:00:00Z", reason: "the API server refused the connection" }]]),
      "fail",
      "east is stale since 2026-11-25T02:00:00Z (the API server refused the connection); the other checks use its last known state.",
    ],
    ["stale without details", withCluster(seedInput(), "north", (c) => { c.stale = true; }), new Map(), "fail", "north is stale; the other checks use its last known state."],
  ])("%s", (_, input, freshness, status, reason) => {
    expect(checkFreshClusters(contextOf(input, { freshness }))).toMatchObject({ id: "clusters-fresh", status, reason });
  });

  it("suggests probing the stale cluster", () => {
    expect(checkFreshClusters(contextOf(withCluster(seedInput(), "east", (c) => { c.stale = true; }))).command).toBe("kubectl --context east get --raw /version");
  });
});

describe("checkFreshClusters, a cluster never reached since the console started", () => {
  it.each([
    [
      "with since-when and why",
      new Map([["east", { neverSynced: true, watchingSince: "2026-11-25T02:00:00Z", reason: "the API server refused the connection" }]]),
      "east is not yet synced: never reached since the console started at 02:00:00 UTC (the API server refused the connection), so nothing is known of it; the other checks leave it out.",
    ],
    ["without details", new Map([["east", { neverSynced: true }]]), "east is not yet synced: never reached since the console started, so nothing is known of it; the other checks leave it out."],
  ])("%s", (_, freshness, reason) => {
    const input = withCluster(seedInput(), "east", (c) => { c.stale = true; });
    expect(checkFreshClusters(contextOf(input, { freshness }))).toMatchObject({ status: "fail", reason });
  });
});

import { describe, expect, it } from "vitest";
import { clusterSnapshot, obj } from "@/lib/fleet/snapshot-fixtures";
import type { ClusterSnapshot } from "@/lib/fleet/snapshot-types";
import { freshnessOf, workspaceClusters } from "./workspace-clusters";

const refused = { reason: "refused" as const, message: "The API server of east refused the connection." };
const STARTED = "2026-12-04T20:00:00.000Z";

describe("freshnessOf", () => {
  it.each<[string, Partial<ClusterSnapshot>, ReturnType<typeof freshnessOf>]>([
    ["synced", {}, { state: "synced", everSynced: true }],
    ["stale after having synced: since when, why", { state: "stale", lastSyncAt: STARTED, watchingSince: STARTED, staleSince: "2026-12-04T20:05:00.000Z", lastError: refused }, { state: "stale", everSynced: true, watchingSince: STARTED, staleSince: "2026-12-04T20:05:00.000Z", reason: refused.message }],
    // The case of a restart during a partition: stale from the first list on, nothing ever seen.
    ["cut off since the console started", { state: "stale", watchingSince: STARTED, staleSince: "2026-12-04T20:00:01.000Z", lastError: refused }, { state: "stale", everSynced: false, watchingSince: STARTED, staleSince: "2026-12-04T20:00:01.000Z", reason: refused.message }],
    ["first list still running", { state: "syncing", watchingSince: STARTED }, { state: "syncing", everSynced: false, watchingSince: STARTED, reason: "still syncing" }],
  ])("%s", (_name, extra, expected) => {
    expect(freshnessOf(clusterSnapshot("east", [], extra))).toEqual(expected);
  });
});

describe("workspaceClusters", () => {
  it("lists a never-synced cluster as unknown, not as one without namespaces or gateways to deploy", () => {
    const west = clusterSnapshot("west", [obj("Namespace", "bookinfo")], { management: true });
    const east = clusterSnapshot("east", [], { state: "stale", watchingSince: STARTED, lastError: refused });
    const snapshot = { revision: 1, at: STARTED, managementCluster: "west", clusters: [west, east] };
    const [, eastView] = workspaceClusters(snapshot, ["west", "east"], new Map([["west", ["bookinfo"]]]));
    expect(eastView).toMatchObject({ name: "east", freshness: { state: "stale", everSynced: false }, namespaces: [], gateways: [] });
  });
});

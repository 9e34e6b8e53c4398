import { describe, expect, it } from "vitest";
import { clusterSnapshot } from "./snapshot-fixtures";
import { syncView, toSecond } from "./sync-view";
import type { ClusterSummary } from "./cluster-summary";

const summary: ClusterSummary = {
  counts: { gateways: 1, exposedServices: 2, serviceEntries: 3, shadowWorkloadEntries: 4, services: 5, namespaces: 6, pods: 7, deployments: 8, objects: 9 },
  workspaces: ["ws"],
};
const error = { reason: "refused" as const, message: "The API server of east refused the connection." };

describe("syncView", () => {
  it.each([
    [
      "synced: no error shown even if one was seen before",
      { state: "synced" as const, lastError: error, lastSyncAt: "2026-01-10T12:00:00.000Z", lastChangeAt: "2026-01-10T12:00:05.987Z", version: "v1.31.0" },
      { state: "synced", staleSince: null, error: null, lastSyncAt: "2026-01-10T12:00:00.000Z", everSynced: true, watchingSince: null, lastChangeAt: "2026-01-10T12:00:05.000Z", lastVersion: "v1.31.0" },
    ],
    [
      "stale: since when and why",
      { state: "stale" as const, staleSince: "2026-01-10T12:01:00.000Z", lastError: error },
      { state: "stale", staleSince: "2026-01-10T12:01:00.000Z", error, lastSyncAt: null, everSynced: false, watchingSince: null, lastChangeAt: null, lastVersion: null },
    ],
    ["syncing: nothing yet", { state: "syncing" as const }, { state: "syncing", staleSince: null, error: null, lastSyncAt: null, everSynced: false, watchingSince: null, lastChangeAt: null, lastVersion: null }],
    [
      "stale after a restart, never synced: since when it is watched, and that it never synced",
      { state: "stale" as const, staleSince: "2026-01-10T12:00:02.000Z", watchingSince: "2026-01-10T12:00:00.000Z", lastError: error },
      { state: "stale", staleSince: "2026-01-10T12:00:02.000Z", error, lastSyncAt: null, everSynced: false, watchingSince: "2026-01-10T12:00:00.000Z", lastChangeAt: null, lastVersion: null },
    ],
  ])("%s", (_name, extra, expected) => {
    expect(syncView(clusterSnapshot("east", [], extra), summary)).toEqual({ ...expected, counts: summary.counts, workspaces: ["ws"] });
  });
});

describe("toSecond", () => {
  it.each([
    [undefined, null],
    ["nonsense", null],
    ["2026-01-10T12:00:05.999Z", "2026-01-10T12:00:05.000Z"],
  ])("%s → %s", (iso, expected) => {
    expect(toSecond(iso)).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import { everSynced, neverReachedPhrase } from "./ever-synced";

describe("everSynced", () => {
  it.each([
    ["synced now", { state: "synced" as const }, true],
    ["stale after having synced", { state: "stale" as const, lastSyncAt: "2026-01-10T12:00:00.000Z" }, true],
    ["relisting after coming back", { state: "syncing" as const, lastSyncAt: "2026-01-10T12:00:00.000Z" }, true],
    ["first list still running", { state: "syncing" as const }, false],
    ["cut off since the console started", { state: "stale" as const }, false],
  ])("%s → %s", (_name, cluster, expected) => {
    expect(everSynced(cluster)).toBe(expected);
  });
});

describe("neverReachedPhrase", () => {
  it.each([
    ["2026-01-10T14:03:05.120Z", "never reached since the console started at 14:03:05 UTC"],
    [null, "never reached since the console started"],
    [undefined, "never reached since the console started"],
  ])("%s", (since, expected) => {
    expect(neverReachedPhrase(since)).toBe(expected);
  });
});

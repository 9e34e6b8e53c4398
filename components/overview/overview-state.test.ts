import { describe, expect, it } from "vitest";
import type { ClusterStatus } from "@/lib/fleet-schema";
import {
  CARDS_UP_TO,
  DEFAULT_OVERVIEW,
  lastSeen,
  overviewQuery,
  parseOverviewParams,
  statusCounts,
  statusOf,
  viewFor,
  visibleClusters,
  type OverviewState,
  type OverviewView,
  type OverviewStatus,
} from "./overview-state";

const T0 = "2026-12-05T03:00:00.000Z";
const counts = { gateways: 0, exposedServices: 0, serviceEntries: 0, shadowWorkloadEntries: 0, services: 0, namespaces: 0, pods: 0, deployments: 0, objects: 0 };

function cluster(name: string, how: "ok" | "down" | "down-never", sync: "synced" | "syncing" | "stale" = "synced"): ClusterStatus {
  const base = {
    cluster: name,
    server: `https://${name}:6443`,
    management: false,
    checkedAt: T0,
    since: T0,
    sync: { state: sync, staleSince: null, error: null, lastSyncAt: T0, everSynced: true, watchingSince: T0, lastChangeAt: null, lastVersion: "v1.31.0", counts, workspaces: [] },
  };
  if (how === "ok") return { ...base, ok: true, value: { version: "v1.31.0", latencyMs: 3 } };
  return { ...base, ok: false, error: { reason: "refused", message: "refused" }, lastReachableAt: how === "down" ? "2026-12-05T02:00:00.000Z" : null };
}

describe("statusOf", () => {
  it.each<[string, ClusterStatus, OverviewStatus]>([
    ["reachable and synced", cluster("a", "ok"), "healthy"],
    ["reachable and listing", cluster("a", "ok", "syncing"), "syncing"],
    ["reachable but its watches fail", cluster("a", "ok", "stale"), "stale"],
    ["unreachable, cache stale", cluster("a", "down", "stale"), "unreachable"],
    // The probe's failure is the worse of the two: a cache that still says synced cannot outrank it.
    ["unreachable, cache not yet stale", cluster("a", "down", "synced"), "unreachable"],
  ])("%s → %s", (_, status, expected) => {
    expect(statusOf(status)).toBe(expected);
  });
});

describe("parseOverviewParams", () => {
  it.each<[string, Record<string, string | string[] | undefined> | URLSearchParams, OverviewState]>([
    ["nothing: the default", {}, DEFAULT_OVERVIEW],
    ["every key", { status: "stale", sort: "name", view: "table" }, { status: "stale", sort: "name", view: "table" }],
    ["from URLSearchParams", new URLSearchParams("status=unreachable&view=table"), { status: "unreachable", sort: "health", view: "table" }],
    ["unknown values fall back, each on its own", { status: "broken", sort: "age", view: "table" }, { status: "all", sort: "health", view: "table" }],
    ["a repeated key counts once, first", { status: ["healthy", "stale"] }, { ...DEFAULT_OVERVIEW, status: "healthy" }],
    ["case matters (the URL is written by the console)", { status: "Stale" }, DEFAULT_OVERVIEW],
    ["empty value", { view: "" }, DEFAULT_OVERVIEW],
    ["cards chosen", { view: "cards" }, { ...DEFAULT_OVERVIEW, view: "cards" }],
  ])("%s", (_, params, expected) => {
    expect(parseOverviewParams(params)).toEqual(expected);
  });
});

describe("overviewQuery", () => {
  it.each<[OverviewState, string]>([
    [DEFAULT_OVERVIEW, ""],
    [{ status: "stale", sort: "health", view: "auto" }, "status=stale"],
    // A chosen view is written even where the fleet's size would pick the same: the choice holds as the fleet grows.
    [{ status: "stale", sort: "health", view: "cards" }, "status=stale&view=cards"],
    [{ status: "all", sort: "name", view: "table" }, "sort=name&view=table"],
    [{ status: "unreachable", sort: "name", view: "table" }, "status=unreachable&sort=name&view=table"],
  ])("%j → %j", (state, query) => {
    expect(overviewQuery(state)).toBe(query);
  });

  it.each<OverviewState>([DEFAULT_OVERVIEW, { status: "syncing", sort: "name", view: "table" }, { status: "healthy", sort: "health", view: "cards" }])(
    "round-trips %j through the URL",
    (state) => {
      expect(parseOverviewParams(new URLSearchParams(overviewQuery(state)))).toEqual(state);
    },
  );
});

describe("statusCounts and visibleClusters", () => {
  const fleet = [cluster("west", "ok"), cluster("east", "down", "stale"), cluster("north", "ok", "stale"), cluster("alpha", "ok"), cluster("zulu", "ok", "syncing"), cluster("beta", "down-never", "stale")];

  it("counts each cluster once, under its worst status", () => {
    expect(statusCounts(fleet)).toEqual({ all: 6, unreachable: 2, stale: 1, syncing: 1, healthy: 2 });
    expect(statusCounts([])).toEqual({ all: 0, unreachable: 0, stale: 0, syncing: 0, healthy: 0 });
  });

  it.each<[Pick<OverviewState, "status" | "sort">, string[]]>([
    [{ status: "all", sort: "health" }, ["beta", "east", "north", "zulu", "alpha", "west"]],
    [{ status: "all", sort: "name" }, ["alpha", "beta", "east", "north", "west", "zulu"]],
    [{ status: "unreachable", sort: "health" }, ["beta", "east"]],
    [{ status: "healthy", sort: "name" }, ["alpha", "west"]],
    [{ status: "syncing", sort: "health" }, ["zulu"]],
  ])("%j shows %j", (state, names) => {
    expect(visibleClusters(fleet, state).map((c) => c.cluster)).toEqual(names);
  });

  it("never reorders the fleet it was given", () => {
    const before = fleet.map((c) => c.cluster);
    visibleClusters(fleet, { status: "all", sort: "name" });
    expect(fleet.map((c) => c.cluster)).toEqual(before);
  });
});

describe("lastSeen", () => {
  it.each<[string, ClusterStatus, string | null]>([
    ["reachable: the last probe", cluster("a", "ok"), T0],
    ["unreachable: when it last answered", cluster("a", "down"), "2026-12-05T02:00:00.000Z"],
    ["never reached", cluster("a", "down-never"), null],
  ])("%s", (_, status, expected) => {
    expect(lastSeen(status)).toBe(expected);
  });
});

describe("viewFor", () => {
  it.each<[OverviewState["view"], number, OverviewView]>([
    ["auto", 3, "cards"],
    ["auto", CARDS_UP_TO, "cards"],
    ["auto", CARDS_UP_TO + 1, "table"],
    ["auto", 20_000, "table"],
    ["cards", 20_000, "cards"],
    ["table", 1, "table"],
  ])("%s with %i clusters → %s", (view, clusters, expected) => {
    expect(viewFor({ view }, clusters)).toBe(expected);
  });
});

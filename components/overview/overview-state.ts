// The overview's filter, sort and view, and how they live in the URL (?status=stale&sort=name&view=table), so a
// reload or a shared link shows the same clusters the same way. Pure: no React, no window; the page reads the
// search params and writes back what `overviewQuery` returns.
import { z } from "zod";
import type { ClusterStatus } from "@/lib/fleet-schema";

/**
 * One status per cluster, the worst that applies, from what the fleet view really carries:
 *  - unreachable: the API server did not answer the last probe (its objects are the last known ones);
 *  - stale: the API answers but the cache's lists or watches fail (e.g. 403 on a kind), or it was never listed;
 *  - syncing: listing its objects (first list, or a relist after it came back);
 *  - healthy: reachable, every kind listed and watched.
 */
export const OVERVIEW_STATUSES = ["unreachable", "stale", "syncing", "healthy"] as const;
export type OverviewStatus = (typeof OVERVIEW_STATUSES)[number];

export const STATUS_WORDS: Readonly<Record<OverviewStatus, string>> = {
  unreachable: "Unreachable",
  stale: "Stale",
  syncing: "Syncing",
  healthy: "Healthy",
};

export const SORTS = ["health", "name"] as const;
export type OverviewSort = (typeof SORTS)[number];
export const SORT_WORDS: Readonly<Record<OverviewSort, string>> = { health: "Unhealthy first", name: "Name" };

export const VIEWS = ["cards", "table"] as const;
export type OverviewView = (typeof VIEWS)[number];

/** Up to this many clusters the overview shows cards unless the URL chose; past it, the dense table. */
export const CARDS_UP_TO = 60;

export type StatusFilter = "all" | OverviewStatus;
/** `view: "auto"`: nobody chose; cards for a small fleet, the table for a big one (see `viewFor`). */
export type OverviewState = { status: StatusFilter; sort: OverviewSort; view: OverviewView | "auto" };

export const DEFAULT_OVERVIEW: OverviewState = { status: "all", sort: "health", view: "auto" };

// A value the URL cannot mean (typed by hand, from an older console) falls back to the default instead of failing
// the page: the address still opens the overview.
const paramsSchema = z.object({
  status: z.enum(["all", ...OVERVIEW_STATUSES]).catch(DEFAULT_OVERVIEW.status),
  sort: z.enum(SORTS).catch(DEFAULT_OVERVIEW.sort),
  view: z.enum(VIEWS).or(z.literal("auto")).catch(DEFAULT_OVERVIEW.view),
});

/** What Next gives a page (`searchParams`) or the browser (`URLSearchParams`); a repeated key counts once, first. */
export type ParamsLike = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

function first(params: ParamsLike, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return typeof value === "string" ? value : value?.[0];
}

export function parseOverviewParams(params: ParamsLike): OverviewState {
  return paramsSchema.parse({ status: first(params, "status"), sort: first(params, "sort"), view: first(params, "view") });
}

/** The query string for a state, defaults left out ("" for the default overview), keys in a fixed order. */
export function overviewQuery(state: OverviewState): string {
  const params = new URLSearchParams();
  if (state.status !== DEFAULT_OVERVIEW.status) params.set("status", state.status);
  if (state.sort !== DEFAULT_OVERVIEW.sort) params.set("sort", state.sort);
  if (state.view !== DEFAULT_OVERVIEW.view) params.set("view", state.view);
  return params.toString();
}

/** The view shown: the one the URL names, else cards up to CARDS_UP_TO clusters and the table past them. */
export function viewFor(state: Pick<OverviewState, "view">, clusters: number): OverviewView {
  if (state.view !== "auto") return state.view;
  return clusters > CARDS_UP_TO ? "table" : "cards";
}

export function statusOf(cluster: ClusterStatus): OverviewStatus {
  if (!cluster.ok) return "unreachable";
  if (cluster.sync.state === "stale") return "stale";
  if (cluster.sync.state === "syncing") return "syncing";
  return "healthy";
}

/** How many clusters have each status, and all of them: the tiles' figures (they add up to `all`). */
export function statusCounts(clusters: readonly ClusterStatus[]): Record<StatusFilter, number> {
  const counts: Record<StatusFilter, number> = { all: clusters.length, unreachable: 0, stale: 0, syncing: 0, healthy: 0 };
  for (const cluster of clusters) counts[statusOf(cluster)] += 1;
  return counts;
}

const byName = (a: ClusterStatus, b: ClusterStatus) => (a.cluster < b.cluster ? -1 : a.cluster > b.cluster ? 1 : 0);
const RANK: Readonly<Record<OverviewStatus, number>> = { unreachable: 0, stale: 1, syncing: 2, healthy: 3 };

/** The clusters the state shows, in its order: worst status first then by name, or by name alone. */
export function visibleClusters(clusters: readonly ClusterStatus[], state: Pick<OverviewState, "status" | "sort">): ClusterStatus[] {
  const shown = state.status === "all" ? [...clusters] : clusters.filter((c) => statusOf(c) === state.status);
  if (state.sort === "name") return shown.sort(byName);
  // Each cluster's rank once, not per comparison: a live fleet of thousands is re-sorted on every change.
  const ranked = shown.map((cluster) => ({ cluster, rank: RANK[statusOf(cluster)] }));
  ranked.sort((a, b) => a.rank - b.rank || byName(a.cluster, b.cluster));
  return ranked.map((r) => r.cluster);
}

/**
 * When the console last heard from the cluster's API server: the last probe that answered (now, for a reachable
 * one), else when it was last reachable; null when never since the console started.
 */
export function lastSeen(cluster: ClusterStatus): string | null {
  return cluster.ok ? cluster.checkedAt : cluster.lastReachableAt;
}

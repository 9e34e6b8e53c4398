// The Istio objects browser's index: every ServiceEntry, WorkloadEntry, DestinationRule and Gateway of every
// cluster, from the fleet cache (the model's snapshot; no API call), each with its ownership proved and its
// search text made once, sorted. Built per fleet state and kept while nothing it reads changed (view-memo.ts):
// the cache hands out the same per-kind map while none of its objects changed, and the registry keeps a cluster's
// ownership scope object while the scope is equal, so a request only filters and pages. Rows of one kind's map
// are also kept per map, so a change to one ServiceEntry rebuilds that cluster's ServiceEntry rows, not the fleet's.
import { compareStrings } from "@/lib/plan/json";
import type { ClusterSnapshot, ObjectMap } from "@/lib/fleet/snapshot-types";
import type { OwnershipScope } from "@/lib/registry/ownership-scope";
import type { ModelState } from "@/server/model/types";
import { snapshotKeys, type ViewMemo } from "@/server/workspaces/view-memo";
import { proofOf, scopeOf, type OwnershipState } from "./ownership";
import { objectHosts, objectSummary } from "./summary";
import { ISTIO_OBJECT_KINDS, type IstioObjectKind, type ObjectCluster, type ObjectRow, type ObjectSort } from "./types";

/** A row with what filtering and sorting read, computed once. */
export type IndexEntry = { row: ObjectRow; text: string; created: number };

export type ObjectIndex = {
  /** In the default order: cluster, kind, namespace, name. */
  entries: readonly IndexEntry[];
  clusters: readonly ObjectCluster[];
  namespaces: readonly string[];
  /** Where a cluster's entries lie in `entries` (the default order keeps each cluster's together). */
  clusterRange(name: string): { start: number; end: number } | undefined;
  /** The entries in another order, sorted once per index and order. */
  ordered(sort: ObjectSort, dir: "asc" | "desc"): readonly IndexEntry[];
};

type KindRows = { cluster: string; scope: OwnershipScope; entries: IndexEntry[] };
const rowsByMap = new WeakMap<ObjectMap, KindRows>();

const byPlace = (a: IndexEntry, b: IndexEntry) => compareStrings(a.row.namespace, b.row.namespace) || compareStrings(a.row.name, b.row.name);

/** One kind's rows of one cluster, sorted by namespace and name; kept while the map and the scope are. */
function entriesOf(cluster: string, kind: IstioObjectKind, map: ObjectMap, scope: OwnershipScope): IndexEntry[] {
  const known = rowsByMap.get(map);
  if (known && known.cluster === cluster && known.scope === scope) return known.entries;
  const entries: IndexEntry[] = [];
  for (const o of map.values()) {
    const { name, namespace = "", creationTimestamp } = o.metadata;
    const created = creationTimestamp ? Date.parse(creationTimestamp) : Number.NaN;
    const row: ObjectRow = { cluster, kind, namespace, name, summary: objectSummary(kind, o.spec), generated: proofOf(kind, o, scope).owned, createdAt: Number.isNaN(created) ? null : (creationTimestamp ?? null) };
    entries.push({ row, text: [name, ...objectHosts(kind, o.spec)].join("\n").toLowerCase(), created: Number.isNaN(created) ? Number.NEGATIVE_INFINITY : created });
  }
  entries.sort(byPlace);
  rowsByMap.set(map, { cluster, scope, entries });
  return entries;
}

function clusterOf(c: ClusterSnapshot, objects: number): ObjectCluster {
  return { name: c.name, state: c.state, staleSince: c.staleSince ?? null, everSynced: c.lastSyncAt !== undefined, lastSyncAt: c.lastSyncAt ?? null, error: c.state === "stale" ? (c.lastError ?? null) : null, objects };
}

/** Compares by one column; ties keep the default order (the sort is stable over default-ordered entries). */
const COLUMN: Record<Exclude<ObjectSort, "cluster">, (a: IndexEntry, b: IndexEntry) => number> = {
  kind: (a, b) => compareStrings(a.row.kind, b.row.kind),
  namespace: (a, b) => compareStrings(a.row.namespace, b.row.namespace),
  name: (a, b) => compareStrings(a.row.name, b.row.name),
  // Ascending age: the youngest first. Objects without a creation time count as the oldest.
  age: (a, b) => b.created - a.created,
};

// The default order (cluster, kind, namespace, name) is the kinds' sorted rows laid end to end, clusters by name and
// kinds by name: no fleet-wide sort, and a cluster's rows are one contiguous range.
const KINDS_BY_NAME = [...ISTIO_OBJECT_KINDS].sort(compareStrings);

export function buildIndex(state: Pick<ModelState, "snapshot"> & OwnershipState): ObjectIndex {
  const entries: IndexEntry[] = [];
  const clusters: ObjectCluster[] = [];
  const ranges = new Map<string, { start: number; end: number }>();
  for (const c of [...state.snapshot.clusters].sort((a, b) => compareStrings(a.name, b.name))) {
    const scope = scopeOf(state, c.name);
    const start = entries.length;
    for (const kind of KINDS_BY_NAME) for (const e of entriesOf(c.name, kind, c.objects[kind], scope)) entries.push(e);
    ranges.set(c.name, { start, end: entries.length });
  }
  // The cluster list keeps the kubeconfig's order (the filter's options, the notes).
  for (const c of state.snapshot.clusters) {
    const range = ranges.get(c.name);
    clusters.push(clusterOf(c, range ? range.end - range.start : 0));
  }
  const namespaces = [...new Set(entries.map((e) => e.row.namespace))].sort(compareStrings);
  const orders = new Map<string, readonly IndexEntry[]>();
  return {
    entries,
    clusters,
    namespaces,
    clusterRange: (name) => ranges.get(name),
    ordered(sort, dir) {
      if (sort === "cluster" && dir === "asc") return entries;
      const key = `${sort} ${dir}`;
      let list = orders.get(key);
      if (!list) {
        const compare = sort === "cluster" ? (a: IndexEntry, b: IndexEntry) => compareStrings(a.row.cluster, b.row.cluster) : COLUMN[sort];
        list = [...entries].sort(dir === "asc" ? compare : (a, b) => compare(b, a));
        orders.set(key, list);
      }
      return list;
    },
  };
}

/**
 * The index of the model's state, kept while what it reads is unchanged: every cluster's four Istio maps, its
 * ownership scope, and the clusters' freshness (names, states, stale-since, errors).
 */
export function objectIndexOf(memo: ViewMemo, state: ModelState): ObjectIndex {
  const keys: unknown[] = [snapshotKeys(state.snapshot).clusters];
  for (const c of state.snapshot.clusters) {
    keys.push(scopeOf(state, c.name));
    for (const kind of ISTIO_OBJECT_KINDS) keys.push(c.objects[kind]);
  }
  return memo.get("istio-objects-index", keys, () => buildIndex(state));
}

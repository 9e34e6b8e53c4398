// The table view of the graph: one row per service per cluster, filtered, sorted and paged. The three sort orders
// are precomputed with the full graph, over everything and per cluster and per state, so a page walks only the
// narrowest precomputed list that the filters allow (and nothing beyond the page when no other filter applies).
import type { z } from "zod";
import type { FailoverKind, Route } from "@/lib/failover/types";
import type { ServiceLeaf } from "./leaves";
import { healthRank } from "./severity";
import type { TopologyRow, topologyRowsInputSchema } from "./types";

export type RowsQuery = z.output<typeof topologyRowsInputSchema>;
type Sort = RowsQuery["sort"];
type Sorted = Readonly<Record<Sort, readonly TopologyRow[]>>;

export type RowIndex = { all: Sorted; byCluster: ReadonlyMap<string, Sorted>; byState: ReadonlyMap<FailoverKind, Sorted> };

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const ORDERS: Readonly<Record<Sort, (a: TopologyRow, b: TopologyRow) => number>> = {
  /** Unhealthy first (severity.ts), then cluster and FQDN. */
  health: (a, b) => healthRank(a.state) - healthRank(b.state) || cmp(a.cluster, b.cluster) || cmp(a.fqdn, b.fqdn),
  cluster: (a, b) => cmp(a.cluster, b.cluster) || cmp(a.fqdn, b.fqdn),
  service: (a, b) => cmp(a.fqdn, b.fqdn) || cmp(a.cluster, b.cluster),
};

function routesOf(leaf: ServiceLeaf): readonly Route[] {
  const { state } = leaf.row;
  if (state.kind === "serving-locally" || state.kind === "failed-over" || state.kind === "at-risk") return state.targets;
  if (state.kind === "remote-only") return state.remotes.flatMap((r) => (r.ok ? [r.route] : []));
  return [];
}

export function rowOf(leaf: ServiceLeaf): TopologyRow {
  const { node } = leaf;
  return {
    id: node.id,
    cluster: node.cluster,
    namespace: node.namespace,
    fqdn: node.fqdn,
    state: node.state,
    words: node.words,
    ...(node.reasonWords ? { reasonWords: node.reasonWords } : {}),
    sentence: node.sentence,
    targets: routesOf(leaf).map((r) => ({ cluster: r.cluster, gateway: r.gateway })),
  };
}

function sorted(rows: readonly TopologyRow[]): Sorted {
  return { health: [...rows].sort(ORDERS.health), cluster: [...rows].sort(ORDERS.cluster), service: [...rows].sort(ORDERS.service) };
}

function grouped<K>(rows: readonly TopologyRow[], key: (r: TopologyRow) => K): Map<K, Sorted> {
  const groups = new Map<K, TopologyRow[]>();
  for (const r of rows) {
    const list = groups.get(key(r));
    if (list) list.push(r);
    else groups.set(key(r), [r]);
  }
  return new Map([...groups].map(([k, list]) => [k, sorted(list)]));
}

export function rowIndex(leaves: readonly ServiceLeaf[]): RowIndex {
  const rows = leaves.map(rowOf);
  return { all: sorted(rows), byCluster: grouped(rows, (r) => r.cluster), byState: grouped(rows, (r) => r.state) };
}

const NONE: readonly TopologyRow[] = [];

/** The precomputed list the filters narrow to: by cluster or by state (the shorter), else everything. */
function baseOf(index: RowIndex, q: RowsQuery): readonly TopologyRow[] {
  const byCluster = q.cluster === undefined ? undefined : (index.byCluster.get(q.cluster)?.[q.sort] ?? NONE);
  const byState = q.state === undefined ? undefined : (index.byState.get(q.state)?.[q.sort] ?? NONE);
  if (byCluster && byState) return byCluster.length <= byState.length ? byCluster : byState;
  return byCluster ?? byState ?? index.all[q.sort];
}

/** One page of rows matching the filters (`search`: a case-insensitive part of the FQDN), and how many match. */
export function rowsPage(index: RowIndex, q: RowsQuery): { rows: TopologyRow[]; total: number; offset: number } {
  const base = baseOf(index, q);
  const search = q.search?.trim().toLowerCase() ?? "";
  const matches = (r: TopologyRow) =>
    (q.cluster === undefined || r.cluster === q.cluster) &&
    (q.state === undefined || r.state === q.state) &&
    (q.namespace === undefined || r.namespace === q.namespace) &&
    (search === "" || r.fqdn.toLowerCase().includes(search));
  const unfiltered = q.namespace === undefined && search === "" && (q.cluster === undefined || q.state === undefined);
  if (unfiltered) return { rows: base.slice(q.offset, q.offset + q.limit), total: base.length, offset: q.offset };
  const rows: TopologyRow[] = [];
  let total = 0;
  for (const r of base) {
    if (!matches(r)) continue;
    if (total >= q.offset && rows.length < q.limit) rows.push(r);
    total += 1;
  }
  return { rows, total, offset: q.offset };
}

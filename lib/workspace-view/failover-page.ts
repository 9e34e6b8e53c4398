// The workspace page's failover table, paged: cells (cluster, service) grouped into one row per service, sorted by
// FQDN, filtered and cut to a page. Pure; the server keeps the grouped rows per failover data (failover-view.ts), so
// a page costs the filter and the slice, not the grouping of 10,000 cells.
import type { FailoverKind } from "@/lib/failover/types";
import type { FailoverCell, FailoverPage, FailoverRowView, FailoverSummary } from "./types";

const KINDS: readonly FailoverKind[] = ["serving-locally", "failed-over", "at-risk", "remote-only", "unavailable", "unknown"];

/** The failover table's rows: one per service (by FQDN), cells in the order given (clusters by name). */
export function failoverRows(cells: readonly FailoverCell[]): FailoverRowView[] {
  const rows = new Map<string, FailoverRowView>();
  for (const cell of cells) {
    let row = rows.get(cell.fqdn);
    if (!row) rows.set(cell.fqdn, (row = { fqdn: cell.fqdn, name: cell.fqdn.split(".")[0] ?? cell.fqdn, namespace: cell.namespace, cells: [] }));
    row.cells.push(cell);
  }
  return [...rows.values()].sort((a, b) => (a.fqdn < b.fqdn ? -1 : a.fqdn > b.fqdn ? 1 : 0));
}

/** Services and cells per state; `version` is the caller's (it changes with the cells). */
export function failoverSummary(rows: readonly FailoverRowView[], version: number): FailoverSummary {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<FailoverKind, number>;
  let cells = 0;
  for (const row of rows) {
    for (const cell of row.cells) byKind[cell.kind] += 1;
    cells += row.cells.length;
  }
  return { version, services: rows.length, cells, byKind };
}

export type FailoverQuery = { offset: number; limit: number; search?: string | undefined; kind?: FailoverKind | undefined };

/**
 * One page. `search` matches the FQDN case-insensitively (a service name, a namespace or part of either); `kind`
 * keeps services with at least one cell in that state. `clusters` are the columns: the given clusters (in their
 * order) that hold a cell of any service of the workspace, so the columns do not jump while paging or filtering.
 * An offset past the end gives the last page's rows none, with the total, so the pager can step back.
 */
export function failoverPage(rows: readonly FailoverRowView[], clusters: readonly string[], query: FailoverQuery, version: number): FailoverPage {
  const needle = query.search?.trim().toLowerCase() ?? "";
  const matching = needle === "" && !query.kind ? rows : rows.filter((r) => (needle === "" || r.fqdn.toLowerCase().includes(needle)) && (!query.kind || r.cells.some((c) => c.kind === query.kind)));
  const present = new Set<string>();
  for (const row of rows) for (const cell of row.cells) present.add(cell.cluster);
  return {
    version,
    total: matching.length,
    offset: query.offset,
    limit: query.limit,
    clusters: clusters.filter((c) => present.has(c)),
    rows: matching.slice(query.offset, query.offset + query.limit),
  };
}

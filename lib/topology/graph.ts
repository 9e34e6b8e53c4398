// The two answers of the topology API from a full topology (the server memoizes it per fleet model state): the
// visible graph for a set of expanded groups, and a page of the table view.
import { aggregate } from "./aggregate";
import type { FullTopology } from "./full-graph";
import { rowsPage, type RowsQuery } from "./rows";
import type { TopologyGraph, TopologyRows } from "./types";

export function graphView(full: FullTopology, expanded: readonly string[]): TopologyGraph {
  const { nodes, edges } = aggregate(full, expanded);
  return {
    ...(full.workspace !== undefined ? { workspace: full.workspace } : {}),
    nodes,
    edges,
    counts: full.counts,
    version: full.version,
    computedAt: full.computedAt,
    ...(full.empty ? { empty: full.empty } : {}),
  };
}

export function rowsView(full: FullTopology, query: RowsQuery): TopologyRows {
  return { ...rowsPage(full.rows, query), version: full.version };
}

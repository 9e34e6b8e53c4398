"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../trpc";
import { SECONDARY_BUTTON } from "../../workspace/dialog-shell";
import { ErrorAlert } from "../../workspace/error-alert";
import { retryServerErrors } from "../panel/inspect-types";
import { useTopologyTraffic } from "../traffic/use-topology-traffic";
import { TableFilters } from "./table-filters";
import { TableRows } from "./table-rows";
import { type TableState } from "./table-url";
import { useTableUrl } from "./use-table-url";

/** Rows per page: a page is virtualized past 60 rows, so this many stay smooth. */
export const PAGE_SIZE = 200;

const filtered = (s: TableState) => Boolean(s.cluster || s.namespace || s.state || s.search);

/** The cluster names to offer: the collapsed graph's clusters (a small query the page shares). */
function useClusterNames(workspace: string | undefined): string[] {
  const trpc = useTRPC();
  const graph = useQuery(trpc.topology.graph.queryOptions({ workspace, expanded: [] }, { retry: retryServerErrors }));
  return (graph.data?.nodes ?? []).flatMap((n) => (n.kind === "cluster" ? [n.label] : []));
}

function Pager({ state, total, shown, onPage }: { state: TableState; total: number; shown: number; onPage: (page: number) => void }) {
  const first = (state.page - 1) * PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 px-4 py-2.5 text-sm text-slate-600">
      <p aria-live="polite">{total === 0 ? "No rows" : `Rows ${first + 1}–${first + shown} of ${total}`}</p>
      {pages > 1 && (
        <nav aria-label="Table pages" className="flex items-center gap-2">
          <button type="button" className={SECONDARY_BUTTON} disabled={state.page <= 1} onClick={() => onPage(state.page - 1)}>
            Previous
          </button>
          <span>
            Page {state.page} of {pages}
          </span>
          <button type="button" className={SECONDARY_BUTTON} disabled={state.page >= pages} onClick={() => onPage(state.page + 1)}>
            Next
          </button>
        </nav>
      )}
    </div>
  );
}

/**
 * The topology as a table, for people who would rather read than look: one row per service per cluster with its
 * failover state in the words of every page, filtered (cluster, namespace, state, search) and sorted (unhealthy
 * first by default) on the server, paged, its state in the URL (`t…` params). Selecting a row calls onSelect(id).
 */
export function TopologyTable(props: { workspace?: string; onSelect?: (id: string) => void }) {
  const { workspace, onSelect } = props;
  const trpc = useTRPC();
  const [state, setState] = useTableUrl();
  const clusters = useClusterNames(workspace);
  const { view } = useTopologyTraffic(workspace);
  const input = { workspace, cluster: state.cluster, namespace: state.namespace, state: state.state, search: state.search, sort: state.sort, offset: (state.page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  const query = useQuery(trpc.topology.rows.queryOptions(input, { retry: retryServerErrors, placeholderData: keepPreviousData }));
  const data = query.data;
  return (
    <section aria-label="Topology table" className="rounded-xl border border-slate-200 bg-white shadow-sm" aria-busy={query.isFetching}>
      <TableFilters state={state} clusters={clusters} onChange={setState} />
      {query.isError && <ErrorAlert title={data ? "Showing the last loaded rows: the latest refresh failed" : "The table could not be loaded"} error={query.error} />}
      {!data ? (
        !query.isError && (
          <p aria-busy="true" className="px-4 py-6 text-sm text-slate-600">
            Loading services…
          </p>
        )
      ) : data.rows.length === 0 ? (
        <div className="px-4 py-6 text-sm text-slate-600">
          {filtered(state) ? (
            <p>
              No service matches these filters.{" "}
              <button type="button" className="rounded font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500" onClick={() => setState({ sort: state.sort, page: 1 })}>
                Clear the filters
              </button>
            </p>
          ) : state.page > 1 ? (
            <p>This page is past the last row.</p>
          ) : (
            <p>No services in this scope yet.</p>
          )}
        </div>
      ) : (
        <TableRows rows={data.rows} traffic={view} caption="Failover state of each service in each cluster" {...(onSelect ? { onSelect } : {})} />
      )}
      {data && <Pager state={state} total={data.total} shown={data.rows.length} onPage={(page) => setState({ ...state, page })} />}
    </section>
  );
}

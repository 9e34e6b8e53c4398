"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { grouped } from "@/lib/validation/bounded-text";
import type { FailoverPage, WorkspaceDetail } from "@/lib/workspace-view/types";
import { TrafficNote, type TrafficState } from "../traffic/traffic-note";
import { useTrafficView } from "../traffic/use-traffic-view";
import { useTRPC } from "../trpc";
import { ErrorAlert } from "./error-alert";
import { FailoverFilters, FailoverPager, type FailoverFilter } from "./failover-controls";
import { FailoverLegend } from "./failover-legend";
import { StateTable, type TableTraffic } from "./failover-rows";

export type { TableTraffic } from "./failover-rows";

/** Services per page: what a screen shows without the table becoming the page. */
const PAGE = 25;
/** Why there is no table: no service at all, or a fleet where no cluster of the workspace is known yet. */
function EmptyState({ detail }: { detail: WorkspaceDetail }) {
  const text =
    detail.services.length === 0
      ? "This workspace has no services yet: there is nothing to fail over. Services appear here once a cluster runs one in the workspace's namespaces."
      : "No failover state is known yet: none of the workspace's clusters has been seen.";
  return <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-slate-600">{text}</p>;
}

/** Nothing exposed: every service stays in its cluster, which the table shows as At risk "not exposed". */
function NothingExposedNote({ detail }: { detail: WorkspaceDetail }) {
  if (detail.services.some((s) => s.exposed)) return null;
  return (
    <p className="border-b border-slate-100 px-4 py-2 text-xs text-amber-800">
      Nothing is exposed: no service of this workspace can fail over to another cluster. Use “Expose services”.
    </p>
  );
}

/** A bad filter never turns into a good one: do not retry client errors. */
function retry(count: number, error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus ?? 0;
  return status >= 400 && status < 500 ? false : count < 2;
}

/**
 * The failover state of every service of the workspace in every cluster it spans, a page at a time
 * (workspace.failover), live with the detail: the detail's summary carries a version, and a page older than it is
 * fetched again. With Prometheus, which cluster served each one in the last minute (polled while visible).
 */
export function FailoverTable({ detail }: { detail: WorkspaceDetail }) {
  const trpc = useTRPC();
  const [filter, setFilter] = useState<FailoverFilter>({ search: "", kind: undefined });
  const [offset, setOffset] = useState(0);
  const input = { workspace: detail.name, offset, limit: PAGE, ...(filter.search ? { search: filter.search } : {}), ...(filter.kind ? { kind: filter.kind } : {}) };
  const page = useQuery(trpc.workspace.failover.queryOptions(input, { placeholderData: keepPreviousData, retry }));
  const { refetch } = page;
  const seen = page.data?.version;
  const version = detail.failover.version;
  useEffect(() => {
    if (seen !== undefined && seen < version) void refetch();
  }, [seen, version, refetch]);
  // Fewer services than before (a namespace left the workspace): step back to the last page that has rows (React's
  // "adjust state while rendering": the next render asks for that page).
  const total = page.data?.total;
  if (total !== undefined && offset > 0 && offset >= total) setOffset(Math.max(0, Math.floor((total - 1) / PAGE) * PAGE));
  const traffic = useTrafficView(detail.name);
  const state: TrafficState = traffic.data ? { status: traffic.data.status, at: traffic.data.at } : traffic.error ? { error: traffic.error } : undefined;
  return (
    <FailoverTableView
      detail={detail}
      page={page.data}
      error={page.error ?? undefined}
      traffic={{ ...(traffic.data ? { view: traffic.data } : {}), state }}
      filter={filter}
      onFilter={(next) => {
        setFilter(next);
        setOffset(0);
      }}
      onOffset={setOffset}
    />
  );
}

type ViewProps = {
  detail: WorkspaceDetail;
  /** Undefined while the first page loads. */
  page: FailoverPage | undefined;
  error?: unknown;
  traffic?: TableTraffic;
  filter?: FailoverFilter;
  onFilter?: (next: FailoverFilter) => void;
  onOffset?: (offset: number) => void;
};

const NO_FILTER: FailoverFilter = { search: "", kind: undefined };

/** The table itself, for a given page and traffic view (rendered by tests without a server). */
export function FailoverTableView({ detail, page, error, traffic = { state: undefined }, filter = NO_FILTER, onFilter = () => {}, onOffset = () => {} }: ViewProps) {
  return (
    <section aria-labelledby="failover-title" className="mb-8">
      <h2 id="failover-title" className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase">
        Failover state
      </h2>
      {detail.failover.services === 0 ? (
        <EmptyState detail={detail} />
      ) : (
        <div className="rounded-xl border border-slate-200 bg-white shadow-sm">
          <NothingExposedNote detail={detail} />
          <TrafficNote state={traffic.state} />
          <FailoverFilters summary={detail.failover} filter={filter} onChange={onFilter} />
          {error !== undefined && !page ? (
            <div className="p-4">
              <ErrorAlert title="The failover table could not be loaded" error={error} />
            </div>
          ) : !page ? (
            <p role="status" className="px-4 py-6 text-sm text-slate-500">
              Loading the failover state of {grouped(detail.failover.services)} services…
            </p>
          ) : page.rows.length === 0 ? (
            <NoMatch onClear={() => onFilter(NO_FILTER)} />
          ) : (
            <StateTable page={page} traffic={traffic} workspace={detail.name} />
          )}
          {page && <FailoverPager page={page} onOffset={onOffset} />}
        </div>
      )}
      <FailoverLegend />
    </section>
  );
}

function NoMatch({ onClear }: { onClear: () => void }) {
  return (
    <p className="px-4 py-6 text-sm text-slate-600">
      No service matches the filter.{" "}
      <button type="button" onClick={onClear} className="font-medium text-indigo-700 underline underline-offset-2">
        Clear the filter
      </button>
    </p>
  );
}

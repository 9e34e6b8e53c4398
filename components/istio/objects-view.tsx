"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { AppHeader } from "../app-header";
import { Breadcrumbs } from "../nav/breadcrumbs";
import { useTRPC } from "../trpc";
import { useFleetLive } from "../use-fleet-live";
import { ErrorAlert } from "../workspace/error-alert";
import { listInputOf } from "./filters";
import { ObjectFiltersBar } from "./object-filters";
import { ObjectsTable } from "./objects-table";
import { ClusterFreshnessNotes, EmptyObjects, ObjectsPager, ObjectsSkeleton } from "./objects-states";
import { retryServerErrors, useObjectFilters } from "./use-object-filters";

/** The list is read from the console's cache (no cluster is asked), so polling it is cheap; only a visible page polls. */
const POLL_MS = 5000;

/** Every ServiceEntry, WorkloadEntry, DestinationRule and Gateway of the fleet, filtered by the URL, kept fresh. */
export function IstioObjectsView() {
  const trpc = useTRPC();
  const live = useFleetLive();
  const { filters, update } = useObjectFilters();
  const list = useQuery(trpc.objects.list.queryOptions(listInputOf(filters), { placeholderData: keepPreviousData, refetchInterval: POLL_MS, retry: retryServerErrors }));
  const page = list.data;
  const clear = () => update({ cluster: undefined, namespace: undefined, kind: undefined, generated: undefined, search: undefined });
  return (
    <>
      <AppHeader live={live} />
      <main className="mx-auto max-w-7xl px-6 py-8">
        <Breadcrumbs trail={[{ label: "Overview", href: "/" }, { label: "Istio objects" }]} />
        <div className="mb-5">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Istio objects</h1>
          <p className="mt-1 text-sm text-slate-600">ServiceEntries, WorkloadEntries, DestinationRules and Gateways of every cluster, as the console sees them now. Open one for its YAML, owner, conditions and Events.</p>
        </div>
        <ObjectFiltersBar filters={filters} update={update} clusters={page?.clusters.map((c) => c.name) ?? []} namespaces={page?.namespaces ?? []} />
        {list.error && (
          <div className="mb-4">
            <ErrorAlert title={page ? "Showing the last loaded list: the latest refresh failed" : "The objects could not be listed"} error={list.error}>
              {!page && (
                <button type="button" onClick={clear} className="mt-2 text-sm font-medium text-rose-900 underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500">
                  Clear filters
                </button>
              )}
            </ErrorAlert>
          </div>
        )}
        {!page ? (
          !list.error && <ObjectsSkeleton />
        ) : (
          <div aria-busy={list.isPlaceholderData}>
            <ClusterFreshnessNotes clusters={page.clusters} {...(filters.cluster ? { only: filters.cluster } : {})} />
            {page.rows.length === 0 && page.offset === 0 ? (
              <EmptyObjects page={page} filters={filters} onClear={clear} />
            ) : (
              <>
                <ObjectsTable rows={page.rows} clusters={page.clusters} filters={filters} update={update} />
                <ObjectsPager page={page} current={filters.page} onPage={(p) => update({ page: p })} />
              </>
            )}
          </div>
        )}
      </main>
    </>
  );
}

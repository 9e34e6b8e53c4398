"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";
import type { DrillFilter } from "@/server/drills/types";
import { AppHeader } from "../app-header";
import { Breadcrumbs } from "../nav/breadcrumbs";
import { replaceUrlQuery } from "../replace-url-query";
import { useTRPC } from "../trpc";
import { ErrorAlert } from "../workspace/error-alert";
import { DrillFilters } from "./drill-filters";
import { DrillsTable } from "./drills-table";
import { readFilter, writeFilter } from "./filter-url";
import { DrillsEmpty, DrillsUnavailable, StaleClustersNote } from "./drills-states";
import { retryServerErrors, useDrillsLive } from "./use-drills-live";

/**
 * The filter from the URL, and a setter that replaces the URL (no history entry per keystroke). The filter is held
 * here too: the URL's change lands with the next render, and a second change made before it (two selects in a row) must
 * build on the first, not on the URL that does not show it yet. A URL that changes (the replace landing, or Back)
 * is read again.
 */
function useFilterUrl(): [DrillFilter, (next: DrillFilter) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const url = params.toString();
  const [held, setHeld] = useState(() => ({ url, filter: readFilter(new URLSearchParams(url)) }));
  let filter = held.filter;
  if (held.url !== url) {
    filter = readFilter(new URLSearchParams(url));
    setHeld({ url, filter });
  }
  const update = useCallback(
    (next: DrillFilter) => {
      setHeld((h) => ({ url: h.url, filter: next }));
      const query = writeFilter(next);
      replaceUrlQuery(pathname, query);
    },
    [pathname],
  );
  return [filter, update];
}

/** The fleet's clusters, for the cluster filter (those in the kubeconfig, whatever their drills). */
function useClusterNames(): string[] {
  const trpc = useTRPC();
  const fleet = useQuery(trpc.fleet.clusters.queryOptions());
  return fleet.data?.kind === "ready" ? fleet.data.clusters.map((c) => c.cluster) : [];
}

/** Every drill of the fleet, filtered from the URL, kept live; stale clusters said plainly. */
export function DrillsView() {
  const live = useDrillsLive();
  const trpc = useTRPC();
  const [filter, setFilter] = useFilterUrl();
  const clusters = useClusterNames();
  const query = useQuery(trpc.drills.list.queryOptions(filter, { retry: retryServerErrors, placeholderData: (previous) => previous }));
  const filtered = Object.values(filter).some(Boolean);
  return (
    <>
      <AppHeader live={live} />
      <main className="mx-auto max-w-6xl px-6 py-8">
        <Breadcrumbs trail={[{ label: "Overview", href: "/" }, { label: "Drills" }]} />
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Failover drills</h1>
        <p className="mt-1 mb-6 max-w-3xl text-sm text-slate-600">
          Each drill failed one service in one cluster on purpose, checked that traffic moved to another cluster, and restored it. Start one from a service on its workspace page or its topology panel.
        </p>
        {query.error && !query.data ? (
          <DrillsUnavailable error={query.error} />
        ) : (
          <>
            {query.error && <ErrorAlert title="Showing the last loaded drills: the latest refresh failed" error={query.error} />}
            {query.data && <StaleClustersNote stale={query.data.stale} />}
            <section aria-labelledby="drills-title" className="rounded-xl border border-slate-200 bg-white shadow-sm">
              <h2 id="drills-title" className="sr-only">
                Drills
              </h2>
              <DrillFilters filter={filter} clusters={clusters} onChange={setFilter} />
              {!query.data ? (
                <p role="status" aria-busy="true" className="px-4 py-6 text-sm text-slate-600">
                  Loading drills…
                </p>
              ) : query.data.drills.length === 0 ? (
                <DrillsEmpty filtered={filtered} onClear={() => setFilter({})} />
              ) : (
                <DrillsTable drills={query.data.drills} />
              )}
            </section>
          </>
        )}
      </main>
    </>
  );
}

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { DrillsView } from "@/components/drills/drills-view";
import { readFilter } from "@/components/drills/filter-url";
import { getQueryClient, trpc } from "@/server/rsc";

export const metadata: Metadata = { title: "Drills" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The fleet's failover drills. Prefetches the list the URL's filters ask for, so the first paint has it; the client
 * keeps it live (drills.onChange). A failed prefetch is left to the client, which shows why.
 */
export default async function DrillsPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const raw = await searchParams;
  const params = new URLSearchParams();
  for (const key of ["cluster", "namespace", "service", "phase", "verdict"]) {
    const value = first(raw[key]);
    if (value !== undefined) params.set(key, value);
  }
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.drills.list.queryOptions(readFilter(params)));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense>
        <DrillsView />
      </Suspense>
    </HydrationBoundary>
  );
}

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { connection } from "next/server";
import { Suspense } from "react";
import { getQueryClient, trpc } from "@/server/rsc";
import { TopologySkeleton } from "./topology-states";
import { TopologyView } from "./topology-view";
import { readUrlState } from "./url-state";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function toParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  return params;
}

/**
 * The topology page's server part: prefetches the graph for the groups the URL opens, so the first paint has it
 * (the browser then only lays it out and draws); the client keeps it live. A failed prefetch is left to the client,
 * which shows the error state.
 */
export async function TopologyPage({ workspace, searchParams }: { workspace?: string; searchParams: SearchParams }) {
  await connection();
  const { expanded } = readUrlState(toParams(await searchParams));
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.topology.graph.queryOptions({ workspace, expanded }));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense fallback={<TopologySkeleton />}>
        <TopologyView workspace={workspace} />
      </Suspense>
    </HydrationBoundary>
  );
}

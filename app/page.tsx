import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import { FleetOverview } from "@/components/fleet-overview";
import { getQueryClient, trpc } from "@/server/rsc";

export const metadata: Metadata = { title: "Fleet overview" };

/** Prefetches the fleet on the server so the first paint already shows every cluster. */
export default async function FleetPage() {
  // Per request, never prerendered at build time: the fleet is live state.
  await connection();
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.fleet.clusters.queryOptions()), queryClient.prefetchQuery(trpc.workspace.list.queryOptions())]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <FleetOverview />
    </HydrationBoundary>
  );
}

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import { filtersFromParams, listInputOf } from "@/components/istio/filters";
import { IstioObjectsView } from "@/components/istio/objects-view";
import { getQueryClient, trpc } from "@/server/rsc";

export const metadata: Metadata = { title: "Istio objects" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Prefetches the page the URL's filters ask for (the same input the browser then asks with), so it paints filled. */
export default async function IstioObjectsPage({ searchParams }: Props) {
  // Per request: the objects are live state.
  await connection();
  const filters = filtersFromParams(await searchParams);
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.objects.list.queryOptions(listInputOf(filters)));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <IstioObjectsView />
    </HydrationBoundary>
  );
}

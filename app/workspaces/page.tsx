import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import { WorkspaceIndex } from "@/components/nav/workspace-index";
import { getQueryClient, trpc } from "@/server/rsc";

export const metadata: Metadata = { title: "Workspaces" };

/** Prefetches the fleet and the workspace list, as the overview does, so the first paint shows every workspace. */
export default async function WorkspacesPage() {
  // Per request, never prerendered at build time: the workspaces are live state.
  await connection();
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.fleet.clusters.queryOptions()), queryClient.prefetchQuery(trpc.workspace.list.queryOptions())]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <WorkspaceIndex />
    </HydrationBoundary>
  );
}

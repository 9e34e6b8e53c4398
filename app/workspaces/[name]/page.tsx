import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import { WorkspaceView } from "@/components/workspace/workspace-view";
import { getQueryClient, trpc } from "@/server/rsc";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: `Workspace ${decodeURIComponent(name)}` };
}

/** Prefetches the workspace so the first paint shows its clusters and gateways; the client keeps it live. */
export default async function WorkspacePage({ params }: Props) {
  await connection();
  const name = decodeURIComponent((await params).name);
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.workspace.detail.queryOptions({ workspace: name }));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <WorkspaceView name={name} />
    </HydrationBoundary>
  );
}

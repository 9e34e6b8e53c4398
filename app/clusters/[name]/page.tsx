import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ClusterView } from "@/components/cluster-page/cluster-view";
import { getQueryClient, trpc } from "@/server/rsc";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: `Cluster ${decoded(name) ?? name}` };
}

/** The cluster name of the address; a malformed escape (`%E0`) names no cluster. */
function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The tRPC code of a failed server-side fetch, if it is one. */
const codeOf = (error: unknown) => (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : undefined);

/**
 * Fetches the cluster on the server so the first paint shows it; the client keeps it live. A name the fleet does
 * not have (or cannot be a cluster name) is the console's 404, inside its frame. Any other failure is left to the
 * client, which shows it and retries. The lookup reads memoized state only, so the route needs no loading.tsx of its
 * own. The status line stays 200: the root app/loading.tsx streams the frame before the lookup, and Next renders
 * the 404 into the stream marked noindex (a real 404 status would need that root boundary gone).
 */
export default async function ClusterPage({ params }: Props) {
  await connection();
  const name = decoded((await params).name);
  if (name === undefined) notFound();
  const queryClient = getQueryClient();
  try {
    await queryClient.fetchQuery(trpc.clusters.detail.queryOptions({ cluster: name }));
  } catch (error) {
    const code = codeOf(error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ClusterView name={name} />
    </HydrationBoundary>
  );
}

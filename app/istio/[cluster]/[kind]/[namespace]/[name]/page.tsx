import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ObjectDetailView } from "@/components/istio/object-detail-view";
import { ISTIO_OBJECT_KINDS, type ObjectRef } from "@/server/objects/types";
import { getQueryClient, trpc } from "@/server/rsc";

type Segments = { cluster: string; kind: string; namespace: string; name: string };
type Props = { params: Promise<Segments> };

/** A segment as written; a malformed escape (`%E0`) names nothing. */
function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The object the address names, or undefined when it cannot name one (a kind the browser does not list). */
function refOf(segments: Segments): ObjectRef | undefined {
  const [cluster, kind, namespace, name] = [segments.cluster, segments.kind, segments.namespace, segments.name].map(decoded);
  const known = ISTIO_OBJECT_KINDS.find((k) => k === kind);
  if (!cluster || !known || !namespace || !name) return undefined;
  return { cluster, kind: known, namespace, name };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ref = refOf(await params);
  return { title: ref ? `${ref.kind} ${ref.namespace}/${ref.name} in ${ref.cluster}` : "Istio object" };
}

/**
 * One object, prefetched so the first paint shows its YAML; the client keeps it fresh and reads its Events. An
 * address that cannot name an Istio object is the console's 404; an object that is gone says so on the page.
 */
export default async function IstioObjectPage({ params }: Props) {
  await connection();
  const ref = refOf(await params);
  if (!ref) notFound();
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.objects.get.queryOptions(ref));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ObjectDetailView objectRef={ref} />
    </HydrationBoundary>
  );
}

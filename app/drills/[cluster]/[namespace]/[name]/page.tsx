import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import { DrillReportView } from "@/components/drills/drill-report-view";
import { getQueryClient, trpc } from "@/server/rsc";

type Props = { params: Promise<{ cluster: string; namespace: string; name: string }> };

async function refOf(params: Props["params"]) {
  const p = await params;
  return { cluster: decodeURIComponent(p.cluster), namespace: decodeURIComponent(p.namespace), name: decodeURIComponent(p.name) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ref = await refOf(params);
  return { title: `Drill ${ref.name}` };
}

/** One drill's report: timeline, figures, served-by before/during/after, verdict, conditions; live while it runs. */
export default async function DrillPage({ params }: Props) {
  await connection();
  const ref = await refOf(params);
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.drills.get.queryOptions(ref));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <DrillReportView drill={ref} />
    </HydrationBoundary>
  );
}

import type { Metadata } from "next";
import { TopologyPage, type SearchParams } from "@/components/topology/topology-page";

type Props = { params: Promise<{ name: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: `Topology of ${decodeURIComponent(name)}` };
}

/** One workspace's topology: the same page, scoped to the workspace's services. */
export default async function WorkspaceTopologyPage({ params, searchParams }: Props) {
  const name = decodeURIComponent((await params).name);
  return <TopologyPage workspace={name} searchParams={searchParams} />;
}

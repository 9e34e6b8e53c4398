import type { Metadata } from "next";
import { TopologyPage, type SearchParams } from "@/components/topology/topology-page";

export const metadata: Metadata = { title: "Topology" };

/** The whole fleet's topology. */
export default function FleetTopologyPage({ searchParams }: { searchParams: SearchParams }) {
  return <TopologyPage searchParams={searchParams} />;
}

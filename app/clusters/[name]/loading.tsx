import { AppHeader } from "@/components/app-header";
import { ClusterSkeleton } from "@/components/cluster-page/cluster-states";

export default function Loading() {
  return (
    <>
      <AppHeader />
      <main className="mx-auto max-w-6xl px-6 py-8">
        <ClusterSkeleton name="Cluster" />
      </main>
    </>
  );
}

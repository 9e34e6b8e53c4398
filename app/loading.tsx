import { AppHeader } from "@/components/app-header";
import { FleetSkeleton } from "@/components/fleet-skeleton";

export default function Loading() {
  return (
    <>
      <AppHeader />
      <main className="mx-auto max-w-6xl px-6 py-8">
        <div className="mb-6">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Fleet overview</h1>
          <p className="mt-1 text-sm text-slate-600">Reachability of every cluster in the kubeconfig, checked continuously.</p>
        </div>
        <FleetSkeleton />
      </main>
    </>
  );
}

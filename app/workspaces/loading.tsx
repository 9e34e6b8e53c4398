import { Breadcrumbs } from "@/components/nav/breadcrumbs";

/** While /workspaces renders on the server: its own heading and shape, not the overview's (app/loading.tsx). */
export default function Loading() {
  return (
    <main className="mx-auto max-w-6xl px-6 py-8">
      <Breadcrumbs trail={[{ label: "Overview", href: "/" }, { label: "Workspaces" }]} />
      <div className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Workspaces</h1>
        <p className="mt-1 text-sm text-slate-600">The Workspaces of the management cluster: their clusters, gateways and HA readiness, live.</p>
      </div>
      <div role="status" aria-busy="true" className="h-16 animate-pulse rounded-xl border border-slate-200 bg-white">
        <span className="sr-only">Loading workspaces…</span>
      </div>
    </main>
  );
}

import { ObjectsSkeleton } from "@/components/istio/objects-states";
import { Breadcrumbs } from "@/components/nav/breadcrumbs";

/** While /istio renders on the server: its own heading and shape. */
export default function Loading() {
  return (
    <main className="mx-auto max-w-7xl px-6 py-8">
      <Breadcrumbs trail={[{ label: "Overview", href: "/" }, { label: "Istio objects" }]} />
      <h1 className="mb-5 text-2xl font-semibold tracking-tight text-slate-900">Istio objects</h1>
      <ObjectsSkeleton />
    </main>
  );
}

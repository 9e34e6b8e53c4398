import Link from "next/link";
import type { WorkspaceDetail } from "@/lib/workspace-view/types";

/**
 * The failover drills running now in the workspace's namespaces, above its failover table: states there may be a
 * drill's doing (a service "Failed over" on purpose), and whoever started it, from any tab or with kubectl, can be
 * followed from here. Nothing is shown when none runs.
 */
export function RunningDrillsNote({ drills }: { drills: WorkspaceDetail["runningDrills"] }) {
  if (!drills || drills.length === 0) return null;
  return (
    <section aria-labelledby="running-drills-title" className="mb-6 rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950">
      <h2 id="running-drills-title" className="font-semibold">
        {drills.length === 1 ? "A failover drill is running" : `${drills.length} failover drills are running`}
      </h2>
      <p className="mt-0.5 text-sky-900">While it runs, a service failed over on purpose shows so below.</p>
      <ul className="mt-2 space-y-1">
        {drills.map((d) => (
          <li key={`${d.cluster}/${d.namespace}/${d.name}`}>
            <span className="font-medium">{d.service}</span> in {d.cluster} ({d.namespace}): {d.phase}.{" "}
            <Link href={`/drills/${encodeURIComponent(d.cluster)}/${encodeURIComponent(d.namespace)}/${encodeURIComponent(d.name)}`} className="font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900">
              Follow drill {d.name}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

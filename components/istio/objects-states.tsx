import type { ObjectCluster, ObjectPage } from "@/server/objects/types";
import { RelativeTime } from "../relative-time";
import { isFiltered, type ObjectFilters } from "./filters";

/** Clusters not synced now: their rows are their last known objects (shown, never hidden), or none seen yet. */
export function ClusterFreshnessNotes({ clusters, only, single }: { clusters: readonly ObjectCluster[]; only?: string; single?: boolean }) {
  const notes = clusters.filter((c) => c.state !== "synced" && (only === undefined || c.name === only));
  if (notes.length === 0) return null;
  return (
    <ul aria-label="Clusters not synced" className="mb-4 space-y-1.5">
      {notes.map((c) => (
        <li key={c.name} className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {c.state === "stale" ? (
            <>
              <span className="font-semibold">{c.name} is stale</span>
              {c.staleSince && (
                <>
                  {" since "}
                  <RelativeTime iso={c.staleSince} display="clock" />
                </>
              )}
              {single ? ": this is the object as last known." : c.everSynced ? `: its ${c.objects} object${c.objects === 1 ? "" : "s"} below are the last known ones.` : ": it has never been seen, so its objects are unknown (not none)."}
              {c.error && <span className="block text-amber-800">{c.error.message}</span>}
            </>
          ) : (
            <>
              <span className="font-semibold">{c.name} is syncing</span>
              {single ? ": this is the object as last known until it has been listed again." : c.everSynced ? ": its objects below are the last known ones until it has been listed again." : ": its objects are not known yet."}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Why the table is empty: nothing anywhere, nothing in what the filters allow, or a cluster not seen yet. */
export function EmptyObjects({ page, filters, onClear }: { page: ObjectPage; filters: ObjectFilters; onClear: () => void }) {
  const box = "rounded-xl border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-600";
  if (page.clusters.length === 0) return <p className={box}>The kubeconfig names no cluster: there are no objects to list.</p>;
  if (page.all === 0 && !isFiltered(filters)) {
    const unseen = page.clusters.filter((c) => !c.everSynced && c.state !== "synced").map((c) => c.name);
    return (
      <p className={box}>
        No cluster holds a ServiceEntry, WorkloadEntry, DestinationRule or Gateway.
        {unseen.length > 0 && ` ${unseen.join(", ")} ${unseen.length === 1 ? "has" : "have"} not been seen yet, so this may change.`}
      </p>
    );
  }
  const cluster = filters.cluster ? page.clusters.find((c) => c.name === filters.cluster) : undefined;
  return (
    <div className={box}>
      <p>
        {cluster && !cluster.everSynced && cluster.state !== "synced" ? `${cluster.name} has not been seen yet: its objects are unknown.` : "No object matches these filters."}
      </p>
      <button type="button" onClick={onClear} className="mt-3 rounded-md px-3 py-1.5 text-sm font-medium text-indigo-700 ring-1 ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500">
        Clear filters
      </button>
    </div>
  );
}

/** Placeholder rows while the first page loads. */
export function ObjectsSkeleton() {
  return (
    <div role="status" aria-live="polite" aria-busy="true" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <span className="sr-only">Loading Istio objects…</span>
      <div aria-hidden="true" className="space-y-2">
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <div key={i} className="h-6 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}

/** "1–50 of 312" and the previous / next page. */
export function ObjectsPager({ page, onPage, current }: { page: ObjectPage; current: number; onPage: (page: number) => void }) {
  const first = page.total === 0 ? 0 : page.offset + 1;
  const last = page.offset + page.rows.length;
  const pages = Math.max(1, Math.ceil(page.total / page.limit));
  const button = "rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500";
  return (
    <nav aria-label="Pages of objects" className="mt-3 flex items-center justify-between gap-3 text-sm text-slate-600">
      <p aria-live="polite">
        {first}–{last} of {page.total}
        {page.total !== page.all && ` (${page.all} in all)`}
      </p>
      <div className="flex items-center gap-2">
        <button type="button" className={button} disabled={current <= 1} onClick={() => onPage(current - 1)}>
          Previous
        </button>
        <span>
          Page {Math.min(current, pages)} of {pages}
        </span>
        <button type="button" className={button} disabled={last >= page.total} onClick={() => onPage(current + 1)}>
          Next
        </button>
      </div>
    </nav>
  );
}

import { OVERVIEW_STATUSES, STATUS_WORDS, type StatusFilter } from "./overview-state";

const TONE: Record<StatusFilter, { figure: string; pressed: string }> = {
  all: { figure: "text-slate-900", pressed: "border-indigo-500 ring-indigo-500" },
  unreachable: { figure: "text-rose-700", pressed: "border-rose-500 ring-rose-500" },
  stale: { figure: "text-rose-700", pressed: "border-rose-500 ring-rose-500" },
  syncing: { figure: "text-amber-700", pressed: "border-amber-500 ring-amber-500" },
  healthy: { figure: "text-emerald-700", pressed: "border-emerald-500 ring-emerald-500" },
};

const HINT: Record<StatusFilter, string> = {
  all: "Every cluster of the kubeconfig",
  unreachable: "The API server did not answer the last probe; its objects are the last known ones",
  stale: "The API answers, but listing or watching its objects fails (or it was never listed)",
  syncing: "Listing the cluster's objects",
  healthy: "Reachable, every kind listed and watched",
};

/**
 * The fleet's figures per status, each a toggle button that filters the clusters below (aria-pressed; Enter and
 * Space work as on any button). Pressing the pressed tile again goes back to every cluster. A status no cluster
 * has is dimmed but stays, so the row of tiles never shifts as clusters come and go.
 */
export function StatusTiles({ counts, selected, onSelect }: { counts: Record<StatusFilter, number>; selected: StatusFilter; onSelect: (status: StatusFilter) => void }) {
  const tiles: StatusFilter[] = ["all", ...OVERVIEW_STATUSES];
  return (
    <div role="group" aria-label="Filter clusters by status" className="mb-5 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {tiles.map((status) => {
        const pressed = selected === status;
        const count = counts[status];
        const quiet = count === 0 && status !== "all";
        return (
          <button
            key={status}
            type="button"
            aria-pressed={pressed}
            title={HINT[status]}
            onClick={() => onSelect(pressed && status !== "all" ? "all" : status)}
            className={`rounded-xl border bg-white px-4 py-3 text-left shadow-sm transition-colors hover:border-slate-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 ${pressed ? `ring-2 ${TONE[status].pressed}` : "border-slate-200"}`}
          >
            <span className="block text-xs font-medium tracking-wide text-slate-600 uppercase">{status === "all" ? "All clusters" : STATUS_WORDS[status]}</span>
            <span className={`mt-0.5 block text-2xl leading-tight font-semibold tabular-nums ${quiet ? "text-slate-400" : TONE[status].figure}`}>{count}</span>
          </button>
        );
      })}
    </div>
  );
}

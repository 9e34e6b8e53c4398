import { SORTS, SORT_WORDS, VIEWS, type OverviewSort, type OverviewState, type OverviewView } from "./overview-state";

const VIEW_WORDS: Record<OverviewView, string> = { cards: "Cards", table: "Table" };

/**
 * Sort order and cards-or-table, above the clusters; `shown` of `total` says what the filter left. `view` is the
 * view on screen (chosen, or the fleet size's); a click writes its choice into the URL.
 */
export function OverviewToolbar({ state, view: current, shown, total, onChange }: { state: OverviewState; view: OverviewView; shown: number; total: number; onChange: (change: Partial<OverviewState>) => void }) {
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-600" aria-live="polite">
        {shown === total ? `${total} cluster${total === 1 ? "" : "s"}` : `${shown} of ${total} clusters`}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm text-slate-700">
          Sort
          <select
            value={state.sort}
            onChange={(e) => onChange({ sort: e.target.value as OverviewSort })}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500"
          >
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {SORT_WORDS[sort]}
              </option>
            ))}
          </select>
        </label>
        <div role="group" aria-label="View" className="inline-flex overflow-hidden rounded-md border border-slate-300 bg-white">
          {VIEWS.map((view) => (
            <button
              key={view}
              type="button"
              aria-pressed={current === view}
              onClick={() => onChange({ view })}
              className={`px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500 ${current === view ? "bg-indigo-600 text-white" : "text-slate-700 hover:bg-slate-50"}`}
            >
              {VIEW_WORDS[view]}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}

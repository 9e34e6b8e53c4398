import type { TopologyView } from "./url-state";

const VIEWS: ReadonlyArray<{ view: TopologyView; label: string }> = [
  { view: "graph", label: "Graph" },
  { view: "table", label: "Table" },
];

/** Graph | Table: two toggle buttons (aria-pressed), the current one filled. */
export function ViewToggle({ view, onChange }: { view: TopologyView; onChange: (view: TopologyView) => void }) {
  return (
    <div role="group" aria-label="View" className="inline-flex rounded-lg border border-slate-300 bg-white p-0.5 shadow-sm">
      {VIEWS.map((v) => (
        <button
          key={v.view}
          type="button"
          aria-pressed={view === v.view}
          onClick={() => onChange(v.view)}
          className={`rounded-md px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500 ${
            view === v.view ? "bg-indigo-600 text-white" : "text-slate-700 hover:bg-slate-100"
          }`}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}

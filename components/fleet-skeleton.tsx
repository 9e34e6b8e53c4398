/** Placeholder cards while the first probe round is running. */
export function FleetSkeleton({ cards = 3 }: { cards?: number }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className="sr-only">Loading clusters…</span>
      <ul className="grid gap-5 md:grid-cols-2 xl:grid-cols-3" aria-hidden="true">
        {Array.from({ length: cards }, (_, i) => (
          <li key={i} className="animate-pulse rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <div className="flex justify-between">
              <div className="h-5 w-24 rounded bg-slate-200" />
              <div className="h-5 w-20 rounded-full bg-slate-100" />
            </div>
            <div className="mt-2 h-3 w-40 rounded bg-slate-100" />
            <div className="mt-6 grid grid-cols-3 gap-3">
              {[0, 1, 2].map((j) => (
                <div key={j} className="space-y-1.5">
                  <div className="h-3 w-14 rounded bg-slate-100" />
                  <div className="h-4 w-16 rounded bg-slate-200" />
                </div>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

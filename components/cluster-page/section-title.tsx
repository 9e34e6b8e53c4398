import type { ReactNode } from "react";

/** A section of the cluster page: the workspace page's small uppercase title, and its content. */
export function Section({ id, title, children, note }: { id: string; title: string; children: ReactNode; note?: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-8">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-sm font-semibold tracking-wide text-slate-500 uppercase">
          {title}
        </h2>
        {note && <p className="text-xs text-slate-500">{note}</p>}
      </div>
      {children}
    </section>
  );
}

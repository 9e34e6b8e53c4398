import type { ReactNode } from "react";
import { WarningIcon } from "./icons";

/**
 * The amber panel a page shows in place of what it could not load: the warning icon, a heading (`h1` where the
 * page has no other, `h2` below one) and what to say or do next. `role="alert"` when it replaces content the
 * person was waiting for, so a screen reader announces it.
 */
export function WarningPanel({ id, title, heading = "h2", alert = false, children }: { id: string; title: ReactNode; heading?: "h1" | "h2"; alert?: boolean; children: ReactNode }) {
  const Heading = heading;
  return (
    <section role={alert ? "alert" : undefined} aria-labelledby={id} className="rounded-xl border border-amber-200 bg-white p-8 shadow-sm">
      <div className="flex gap-4">
        <span className="flex size-11 shrink-0 items-center justify-center rounded-full bg-amber-50 text-amber-600">
          <WarningIcon />
        </span>
        <div className="min-w-0">
          <Heading id={id} className="text-lg font-semibold text-slate-900">
            {title}
          </Heading>
          {children}
        </div>
      </div>
    </section>
  );
}

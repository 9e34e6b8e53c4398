"use client";

import { useState } from "react";
import { asSentence } from "@/lib/workspace-view/field-errors";
import type { WorkspaceDetail } from "@/lib/workspace-view/types";
import { ExpandableText } from "./expandable-text";

const FIRST = 3;
/** Reports about objects named or marked like the console's that it did not make (and so never touches). */
const FOREIGN = new Set(["ForeignObject", "UnplannedForeignObjects"]);
const DOT = { error: "bg-rose-500", warning: "bg-amber-500", info: "bg-sky-500" } as const;

/** What the registry says about this workspace: one box, worst first, the first few shown. */
export function RegistryConditions({ conditions }: { conditions: WorkspaceDetail["conditions"] }) {
  const [all, setAll] = useState(false);
  if (conditions.length === 0) return null;
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...conditions].sort((a, b) => rank[a.severity] - rank[b.severity]);
  const shown = all ? sorted : sorted.slice(0, FIRST);
  const errors = conditions.filter((c) => c.severity === "error").length;
  return (
    <section aria-labelledby="conditions-title" className={`mb-6 rounded-xl px-4 py-3 ring-1 ${errors > 0 ? "bg-rose-50/60 ring-rose-200" : "bg-amber-50/60 ring-amber-200"}`}>
      <h2 id="conditions-title" className="text-sm font-semibold text-slate-900">
        The registry reports {conditions.length} condition{conditions.length === 1 ? "" : "s"} for this workspace
      </h2>
      <ul aria-label="Registry conditions" className="mt-2 space-y-1.5 text-sm text-slate-800">
        {shown.map((c, i) => (
          <li key={i} className="flex gap-2">
            <span aria-hidden="true" className={`mt-1.5 size-2 shrink-0 rounded-full ${DOT[c.severity]}`} />
            <div className="min-w-0">
              <span className="sr-only">{c.severity}: </span>
              {c.reason && FOREIGN.has(c.reason) && (
                <span className="mb-0.5 inline-block rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-semibold text-amber-900">Not made by the console</span>
              )}
              <ExpandableText className="break-words" text={asSentence(c.message)} />
            </div>
          </li>
        ))}
      </ul>
      {conditions.length > FIRST && (
        <button type="button" onClick={() => setAll(!all)} className="mt-2 text-sm font-medium text-indigo-700 hover:underline">
          {all ? "Show fewer" : `Show all ${conditions.length}`}
        </button>
      )}
    </section>
  );
}

"use client";

import { useEffect, useState } from "react";

/** The look of the pages' filter fields and their labels (topology table, drills). */
export const FILTER_FIELD = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500";
export const FILTER_LABEL = "flex flex-col gap-1 text-xs font-medium text-slate-600";

/** Typing settles for this long before the URL (and the query) follows. */
const TYPING_MS = 300;

/**
 * A text filter kept locally while typing, committed once typing pauses (one URL change, one query). A value that
 * changes from outside (Clear filters, back in history) replaces the draft — React's "adjust state on a prop change"
 * during render — and committing the draft itself changes nothing visible.
 */
export function TextFilter({ label, value, onCommit, placeholder = "any", maxLength = 253 }: { label: string; value: string | undefined; onCommit: (value: string) => void; placeholder?: string; maxLength?: number }) {
  const [draft, setDraft] = useState(value ?? "");
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setDraft(value ?? "");
  }
  useEffect(() => {
    if (draft.trim() === (value ?? "")) return;
    const timer = setTimeout(() => onCommit(draft.trim()), TYPING_MS);
    return () => clearTimeout(timer);
  }, [draft, value, onCommit]);
  return (
    <label className={FILTER_LABEL}>
      {label}
      <input type="search" value={draft} placeholder={placeholder} maxLength={maxLength} spellCheck={false} onChange={(e) => setDraft(e.target.value)} className={FILTER_FIELD} />
    </label>
  );
}

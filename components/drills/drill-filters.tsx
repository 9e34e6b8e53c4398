"use client";

import { useEffect, useState } from "react";
import { DRILL_PHASES, drillVerdictSchema } from "@/lib/drills/schema";
import type { DrillFilter } from "@/server/drills/types";

const FIELD = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500";
const LABEL = "flex flex-col gap-1 text-xs font-medium text-slate-600";
const VERDICTS = drillVerdictSchema.options;
const TYPING_MS = 300;

/** A text filter kept locally while typing, committed once typing pauses (one URL change, one query). */
function TextFilter({ label, value, onCommit }: { label: string; value: string | undefined; onCommit: (value: string) => void }) {
  const [draft, setDraft] = useState(value ?? "");
  // A value changed from outside (Clear filters, back in history) replaces the draft (React's "adjust state on a prop
  // change" during render); a commit of the draft itself changes nothing visible.
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
    <label className={LABEL}>
      {label}
      <input type="search" value={draft} placeholder="any" maxLength={63} spellCheck={false} onChange={(e) => setDraft(e.target.value)} className={FIELD} />
    </label>
  );
}

function Select({ label, value, options, all, onChange }: { label: string; value: string | undefined; options: readonly string[]; all: string; onChange: (value: string) => void }) {
  return (
    <label className={LABEL}>
      {label}
      <select value={value ?? ""} onChange={(e) => onChange(e.target.value)} className={FIELD}>
        <option value="">{all}</option>
        {[...new Set([...options, ...(value ? [value] : [])])].map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Cluster, namespace, service, phase and verdict; each change replaces the URL. */
export function DrillFilters({ filter, clusters, onChange }: { filter: DrillFilter; clusters: readonly string[]; onChange: (next: DrillFilter) => void }) {
  const set = (patch: Partial<Record<keyof DrillFilter, string>>) => onChange({ ...filter, ...patch } as DrillFilter);
  const any = Object.values(filter).some(Boolean);
  return (
    <div role="group" aria-label="Filter the drills" className="flex flex-wrap items-end gap-3 border-b border-slate-100 px-4 py-3">
      <Select label="Cluster" value={filter.cluster} options={clusters} all="All clusters" onChange={(cluster) => set({ cluster })} />
      <TextFilter label="Namespace" value={filter.namespace} onCommit={(namespace) => set({ namespace })} />
      <TextFilter label="Service" value={filter.service} onCommit={(service) => set({ service })} />
      <Select label="Phase" value={filter.phase} options={DRILL_PHASES} all="All phases" onChange={(phase) => set({ phase })} />
      <Select label="Verdict" value={filter.verdict} options={VERDICTS} all="All verdicts" onChange={(verdict) => set({ verdict })} />
      {any && (
        <button type="button" onClick={() => onChange({})} className="rounded-md px-2 py-1.5 text-sm font-medium text-indigo-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500">
          Clear filters
        </button>
      )}
    </div>
  );
}

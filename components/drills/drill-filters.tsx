"use client";

import { DRILL_PHASES, drillVerdictSchema } from "@/lib/drills/schema";
import type { DrillFilter } from "@/server/drills/types";
import { FILTER_FIELD as FIELD, FILTER_LABEL as LABEL, TextFilter } from "@/components/filters/text-filter";

const VERDICTS = drillVerdictSchema.options;
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
      <TextFilter label="Namespace" value={filter.namespace} maxLength={63} onCommit={(namespace) => set({ namespace })} />
      <TextFilter label="Service" value={filter.service} maxLength={63} onCommit={(service) => set({ service })} />
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

"use client";

import { useEffect, useState } from "react";
import type { FailoverKind } from "@/lib/failover/types";
import { FAILOVER_WORDS } from "@/lib/failover/words";
import { withFilter, type TableSort, type TableState } from "./table-url";

const FIELD = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500";
const LABEL = "flex flex-col gap-1 text-xs font-medium text-slate-600";
const STATES = Object.keys(FAILOVER_WORDS) as FailoverKind[];
const SORTS: ReadonlyArray<[TableSort, string]> = [
  ["health", "Unhealthy first"],
  ["cluster", "Cluster"],
  ["service", "Service"],
];

/** Typing settles for this long before the URL (and the query) follows. */
const TYPING_MS = 300;

/** A text filter kept locally while typing, written to the table state once typing pauses. */
function TextFilter({ label, value, onCommit, placeholder }: { label: string; value: string | undefined; onCommit: (value: string) => void; placeholder: string }) {
  const [draft, setDraft] = useState(value ?? "");
  useEffect(() => {
    if (draft.trim() === (value ?? "")) return;
    const timer = setTimeout(() => onCommit(draft.trim()), TYPING_MS);
    return () => clearTimeout(timer);
  }, [draft, value, onCommit]);
  return (
    <label className={LABEL}>
      {label}
      <input type="search" value={draft} placeholder={placeholder} maxLength={253} onChange={(e) => setDraft(e.target.value)} className={FIELD} />
    </label>
  );
}

/** Filters (cluster, namespace, state, search) and sort; every change goes back to the first page. */
export function TableFilters({ state, clusters, onChange }: { state: TableState; clusters: readonly string[]; onChange: (next: TableState) => void }) {
  return (
    <div role="group" aria-label="Filter and sort the table" className="flex flex-wrap items-end gap-3 border-b border-slate-100 px-4 py-3">
      <label className={LABEL}>
        Cluster
        <select value={state.cluster ?? ""} onChange={(e) => onChange(withFilter(state, { cluster: e.target.value }))} className={FIELD}>
          <option value="">All clusters</option>
          {[...new Set([...clusters, ...(state.cluster ? [state.cluster] : [])])].map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <TextFilter label="Namespace" value={state.namespace} placeholder="any" onCommit={(namespace) => onChange(withFilter(state, { namespace }))} />
      <label className={LABEL}>
        State
        <select value={state.state ?? ""} onChange={(e) => onChange(withFilter(state, { state: (e.target.value || undefined) as TableState["state"] }))} className={FIELD}>
          <option value="">All states</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {FAILOVER_WORDS[s]}
            </option>
          ))}
        </select>
      </label>
      <TextFilter label="Search" value={state.search} placeholder="service or FQDN" onCommit={(search) => onChange(withFilter(state, { search }))} />
      <label className={LABEL}>
        Sort by
        <select value={state.sort} onChange={(e) => onChange({ ...state, sort: e.target.value as TableSort, page: 1 })} className={FIELD}>
          {SORTS.map(([value, words]) => (
            <option key={value} value={value}>
              {words}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

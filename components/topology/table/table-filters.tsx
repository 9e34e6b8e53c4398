"use client";

import type { FailoverKind } from "@/lib/failover/types";
import { FAILOVER_WORDS } from "@/lib/failover/words";
import { FILTER_FIELD as FIELD, FILTER_LABEL as LABEL, TextFilter } from "@/components/filters/text-filter";
import { withFilter, type TableSort, type TableState } from "./table-url";

const STATES = Object.keys(FAILOVER_WORDS) as FailoverKind[];
const SORTS: ReadonlyArray<[TableSort, string]> = [
  ["health", "Unhealthy first"],
  ["cluster", "Cluster"],
  ["service", "Service"],
];


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

"use client";

import type { FailoverKind } from "@/lib/failover/types";
import { FAILOVER_WORDS } from "@/lib/failover/words";
import { grouped } from "@/lib/validation/bounded-text";
import type { FailoverPage, FailoverSummary } from "@/lib/workspace-view/types";
import { FILTER_FIELD, FILTER_LABEL, TextFilter } from "../filters/text-filter";

/** What the table is narrowed to: a part of the FQDN and a state (any cluster). */
export type FailoverFilter = { search: string; kind: FailoverKind | undefined };

const KINDS = Object.keys(FAILOVER_WORDS) as FailoverKind[];

/** Search by name or namespace, and a state with how many cells are in it, above the table. */
export function FailoverFilters({ summary, filter, onChange }: { summary: FailoverSummary; filter: FailoverFilter; onChange: (next: FailoverFilter) => void }) {
  return (
    <div className="flex flex-wrap items-end gap-4 border-b border-slate-100 px-4 py-3">
      <TextFilter label="Service or namespace" value={filter.search} placeholder="e.g. reviews" onCommit={(search) => onChange({ ...filter, search })} />
      <label className={FILTER_LABEL}>
        State in any cluster
        <select value={filter.kind ?? ""} onChange={(e) => onChange({ ...filter, kind: e.target.value === "" ? undefined : (e.target.value as FailoverKind) })} className={FILTER_FIELD}>
          <option value="">Any state ({grouped(summary.cells)} cells)</option>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {FAILOVER_WORDS[kind]} ({grouped(summary.byKind[kind])})
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** "Services 26–50 of 501" with Previous and Next; nothing when everything fits on one page. */
export function FailoverPager({ page, onOffset }: { page: FailoverPage; onOffset: (offset: number) => void }) {
  if (page.total <= page.limit && page.offset === 0) return null;
  const first = page.total === 0 ? 0 : Math.min(page.offset + 1, page.total);
  const last = Math.min(page.offset + page.limit, page.total);
  const button = "rounded-md border border-slate-300 px-3 py-1 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50";
  return (
    <nav aria-label="Failover table pages" className="flex items-center justify-between gap-4 border-t border-slate-100 px-4 py-2 text-sm text-slate-600">
      <p aria-live="polite">
        Services {grouped(first)}–{grouped(last)} of {grouped(page.total)}
      </p>
      <div className="flex gap-2">
        <button type="button" className={button} disabled={page.offset === 0} onClick={() => onOffset(Math.max(0, page.offset - page.limit))}>
          Previous
        </button>
        <button type="button" className={button} disabled={last >= page.total} onClick={() => onOffset(page.offset + page.limit)}>
          Next
        </button>
      </div>
    </nav>
  );
}

"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import type { ClusterStatus } from "@/lib/fleet-schema";
import type { StateCounts } from "@/lib/topology/types";
import { ClusterTableRow, COLUMNS } from "./cluster-table-row";

/** Up to this many rows the table is plain (every row in the document, found by the browser's search). */
export const VIRTUALIZE_FROM = 60;
const ROW_PX = 41;

/**
 * The dense view for big fleets: one row per cluster. Past VIRTUALIZE_FROM rows only those in view are rendered
 * (spacer rows keep the scroll height), inside a focusable scroll region so the keyboard can scroll it too;
 * aria-rowcount / aria-rowindex tell assistive technology how many rows there are and where each sits.
 */
export function ClusterTable({ clusters, failover }: { clusters: readonly ClusterStatus[]; failover?: ReadonlyMap<string, StateCounts> | undefined }) {
  if (clusters.length < VIRTUALIZE_FROM) {
    return (
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        <table aria-label="Clusters" className="w-full text-sm">
          <TableHead />
          <tbody className="divide-y divide-slate-100">
            {clusters.map((status) => (
              <ClusterTableRow key={status.cluster} status={status} failover={failover?.get(status.cluster)} known={failover !== undefined} />
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return <VirtualTable clusters={clusters} failover={failover} />;
}

function VirtualTable({ clusters, failover }: { clusters: readonly ClusterStatus[]; failover?: ReadonlyMap<string, StateCounts> | undefined }) {
  const scroller = useRef<HTMLDivElement>(null);
  // initialRect: the server (and the first client render, before the region is measured) renders the rows a
  // 70vh region shows on a laptop, not none, so the table's first paint is already readable.
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are not memoised; nothing here memoises them either
  const virtual = useVirtualizer({ count: clusters.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 12, initialRect: { width: 1200, height: 700 } });
  const items = virtual.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div ref={scroller} tabIndex={0} role="region" aria-label="Clusters table, scrollable" className="max-h-[70vh] overflow-auto rounded-xl border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-indigo-500">
      <table aria-label="Clusters" aria-rowcount={clusters.length + 1} className="w-full text-sm">
        <TableHead sticky />
        <tbody className="divide-y divide-slate-100">
          {top > 0 && <tr aria-hidden="true" style={{ height: top }} />}
          {items.map((row) => {
            const status = clusters[row.index];
            return status ? <ClusterTableRow key={status.cluster} status={status} rowIndex={row.index + 2} failover={failover?.get(status.cluster)} known={failover !== undefined} /> : null;
          })}
          {bottom > 0 && <tr aria-hidden="true" style={{ height: bottom }} />}
        </tbody>
      </table>
    </div>
  );
}

function TableHead({ sticky = false }: { sticky?: boolean }) {
  return (
    <thead className={`bg-slate-50 text-left text-xs font-medium text-slate-600 ${sticky ? "sticky top-0 z-10" : ""}`}>
      <tr aria-rowindex={sticky ? 1 : undefined}>
        {COLUMNS.map((c) => (
          <th key={c.label} scope="col" title={c.abbr ? undefined : c.title} className={`px-2 py-2 whitespace-nowrap ${c.numeric ? "text-right" : ""}`}>
            {/* Short headings keep the table one screen wide; an abbreviation's title spells it out. */}
            {c.abbr ? <abbr title={c.title}>{c.label}</abbr> : c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

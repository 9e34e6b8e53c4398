"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import type { TopologyRow } from "@/lib/topology/types";
import type { TrafficView } from "@/lib/traffic/types";
import { FailoverStateCell } from "../../workspace/failover-cell";
import { cellTrafficOf } from "../traffic/served-by-node-line";

/** Up to this many rows the table is plain (every row in the document, found by the browser's search). */
export const VIRTUALIZE_FROM = 60;
const ROW_PX = 58;

const name = (fqdn: string) => fqdn.split(".")[0] ?? fqdn;

type Shared = { onSelect?: (id: string) => void; traffic?: TrafficView | undefined };

function Row({ row, onSelect, rowIndex, traffic }: Shared & { row: TopologyRow; rowIndex?: number }) {
  return (
    <tr aria-rowindex={rowIndex} className={`align-top ${onSelect ? "cursor-pointer hover:bg-slate-50" : ""}`} onClick={onSelect ? () => onSelect(row.id) : undefined}>
      <th scope="row" className="px-4 py-2 text-left font-normal">
        {onSelect ? (
          <button type="button" onClick={(e) => (e.stopPropagation(), onSelect(row.id))} className="rounded text-left font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500">
            {name(row.fqdn)}
            <span className="sr-only"> in {row.cluster}: show details</span>
          </button>
        ) : (
          <span className="font-medium text-slate-900">{name(row.fqdn)}</span>
        )}
        <span className="block font-mono text-[11px] break-all text-slate-500">{row.fqdn}</span>
      </th>
      <td className="px-4 py-2 text-slate-700">{row.cluster}</td>
      <td className="px-4 py-2 text-slate-700">{row.namespace}</td>
      <td className="px-4 py-2">
        <FailoverStateCell cell={{ cluster: row.cluster, fqdn: row.fqdn, namespace: row.namespace, kind: row.state, words: row.words, ...(row.reasonWords ? { reasonWords: row.reasonWords } : {}), targets: row.targets, sentence: row.sentence }} traffic={cellTrafficOf(traffic, row.cluster, row.fqdn)} />
      </td>
    </tr>
  );
}

function Head({ sticky = false }: { sticky?: boolean }) {
  return (
    <thead className={`border-b border-slate-200 bg-white text-left text-xs text-slate-500 ${sticky ? "sticky top-0 z-10" : ""}`}>
      <tr aria-rowindex={sticky ? 1 : undefined}>
        {["Service", "Cluster", "Namespace", "Failover state"].map((h) => (
          <th key={h} scope="col" className="px-4 py-2 font-semibold">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

function VirtualRows({ rows, onSelect, traffic, caption }: Shared & { rows: readonly TopologyRow[]; caption: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are not memoised; nothing here memoises them either
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 10 });
  const items = virtual.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div ref={scroller} tabIndex={0} role="region" aria-label={`${caption}, scrollable`} className="max-h-[65vh] overflow-auto focus-visible:outline-2 focus-visible:outline-indigo-500">
      <table aria-label={caption} aria-rowcount={rows.length + 1} className="w-full text-sm">
        <Head sticky />
        <tbody className="divide-y divide-slate-100">
          {top > 0 && <tr aria-hidden="true" style={{ height: top }} />}
          {items.map((item) => {
            const row = rows[item.index];
            return row ? <Row key={row.id} row={row} rowIndex={item.index + 2} traffic={traffic} {...(onSelect ? { onSelect } : {})} /> : null;
          })}
          {bottom > 0 && <tr aria-hidden="true" style={{ height: bottom }} />}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One row per service per cluster; past VIRTUALIZE_FROM rows only those in view are rendered. `traffic`: the page's
 * traffic view, when Prometheus answers — each state then says which cluster served it in the last minute.
 */
export function TableRows({ rows, onSelect, traffic, caption }: Shared & { rows: readonly TopologyRow[]; caption: string }) {
  if (rows.length >= VIRTUALIZE_FROM) return <VirtualRows rows={rows} caption={caption} traffic={traffic} {...(onSelect ? { onSelect } : {})} />;
  return (
    <div className="overflow-x-auto">
      <table aria-label={caption} className="w-full text-sm">
        <Head />
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <Row key={row.id} row={row} traffic={traffic} {...(onSelect ? { onSelect } : {})} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

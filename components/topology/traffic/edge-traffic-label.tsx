"use client";

import { EdgeLabelRenderer } from "@xyflow/react";
import type { EdgeFigure } from "@/lib/topology-traffic/edge-figures";
import { edgeTrafficLabel, isHighErrorRate } from "@/lib/topology-traffic/edge-words";

/**
 * An edge's traffic as a small pill: "0.8 req/s · 2 % 5xx", red when more than one request in twenty failed with a
 * 5xx. Nothing for an edge no request took (the edge itself says what it is). Decorative: the edge's aria-label
 * carries the same figures in a sentence (edgeTrafficSentence), so the pill is hidden from screen readers.
 */
export function EdgeTrafficLabel({ traffic }: { traffic: EdgeFigure | undefined }) {
  if (!traffic) return null;
  const high = isHighErrorRate(traffic);
  return (
    <span
      aria-hidden="true"
      data-traffic="edge"
      className={`rounded-full px-1.5 text-[11px] font-medium whitespace-nowrap shadow-sm ring-1 ${high ? "bg-rose-50 text-rose-700 ring-rose-300" : "bg-white text-slate-700 ring-slate-200"}`}
    >
      {edgeTrafficLabel(traffic)}
    </span>
  );
}

/** Below the count pill (11 px text) drawn at the middle of an aggregated edge. */
const COUNT_OFFSET_PX = 16;

/**
 * The pill placed on a drawn edge (inside @xyflow/react's edge label layer), centred at `at` in flow coordinates
 * and moved below the middle when the edge also shows its count there.
 */
export function EdgeTrafficAt({ traffic, at, belowCount = false }: { traffic: EdgeFigure | undefined; at: { x: number; y: number }; belowCount?: boolean }) {
  if (!traffic) return null;
  return (
    <EdgeLabelRenderer>
      <span style={{ transform: `translate(-50%, -50%) translate(${at.x}px, ${at.y + (belowCount ? COUNT_OFFSET_PX : 0)}px)` }} className="nodrag nopan pointer-events-none absolute">
        <EdgeTrafficLabel traffic={traffic} />
      </span>
    </EdgeLabelRenderer>
  );
}

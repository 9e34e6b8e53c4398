"use client";

import { BaseEdge, EdgeLabelRenderer, useInternalNode, type EdgeProps, type InternalNode } from "@xyflow/react";
import type { EdgeFigure } from "@/lib/topology-traffic/edge-figures";
import { EdgeTrafficAt } from "./traffic/edge-traffic-label";

type Rect = { x: number; y: number; width: number; height: number };
type Point = { x: number; y: number };

function rectOf(node: InternalNode): Rect {
  return { ...node.internals.positionAbsolute, width: node.measured.width ?? node.width ?? 0, height: node.measured.height ?? node.height ?? 0 };
}

const centre = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/** Where the line from the rectangle's centre towards `to` leaves the rectangle. */
export function borderPoint(r: Rect, to: Point): Point {
  const c = centre(r);
  const dx = to.x - c.x;
  const dy = to.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const scale = Math.min(dx === 0 ? Infinity : r.width / 2 / Math.abs(dx), dy === 0 ? Infinity : r.height / 2 / Math.abs(dy));
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}

/**
 * A straight edge between the facing borders of two boxes, wherever they sit (groups are packed in rows, so a
 * fixed left/right handle would loop around). The two directions between the same pair are drawn a little apart,
 * so an east→west route and a west→east one stay two lines. The count (aggregated edges) sits at the middle.
 */
export function FloatingEdge({ id, source, target, style, label, labelStyle, markerEnd, data }: EdgeProps) {
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  if (!from || !to) return null;
  const a = rectOf(from);
  const b = rectOf(to);
  const start = borderPoint(a, centre(b));
  const end = borderPoint(b, centre(a));
  const length = Math.hypot(end.x - start.x, end.y - start.y) || 1;
  const side = source < target ? 1 : -1;
  const nx = (-(end.y - start.y) / length) * 5 * side;
  const ny = ((end.x - start.x) / length) * 5 * side;
  const path = `M ${start.x + nx},${start.y + ny} L ${end.x + nx},${end.y + ny}`;
  const mid = { x: (start.x + end.x) / 2 + nx * 2, y: (start.y + end.y) / 2 + ny * 2 };
  return (
    <>
      <BaseEdge id={id} path={path} style={style} markerEnd={markerEnd} />
      <EdgeTrafficAt traffic={(data as { traffic?: EdgeFigure } | undefined)?.traffic} at={mid} belowCount={label !== undefined} />
      {label !== undefined && (
        <EdgeLabelRenderer>
          <span
            aria-hidden="true"
            style={{ transform: `translate(-50%, -50%) translate(${mid.x}px, ${mid.y}px)`, color: typeof labelStyle?.fill === "string" ? labelStyle.fill : undefined }}
            className="nodrag nopan pointer-events-none absolute rounded-full bg-white px-1.5 text-[11px] font-semibold ring-1 ring-slate-200"
          >
            {label}
          </span>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import type { TopologyNode } from "@/lib/topology/types";
import { FAILOVER_LOOK } from "../workspace/failover-cell";
import { StatusPill } from "../workspace/status-pill";
import { kindWord, rowDetail, treeMove, type TreeKey, type TreeRow } from "./tree-rows";

const KEYS = new Set<string>(["ArrowDown", "ArrowUp", "ArrowRight", "ArrowLeft", "Home", "End"]);

/** The glyph and figure at the row's end: colour for the eye; the words are in the row's name already. */
function RowBadge({ node }: { node: TopologyNode }) {
  if (node.kind === "gateway") return <span className="truncate font-mono text-[11px] text-slate-500">{node.addresses[0] ?? "no address"}</span>;
  const state = node.kind === "cluster" ? (node.stale ? "unknown" : node.worst) : node.kind === "namespace" ? node.worst : node.state;
  if (!state) return null;
  const text = node.kind === "cluster" || node.kind === "namespace" ? String(node.services) : node.words;
  return (
    <StatusPill tone={FAILOVER_LOOK[state].tone}>
      {FAILOVER_LOOK[state].glyph} {text}
    </StatusPill>
  );
}

/**
 * A row's content. Its accessible name is its text (no aria-label, so what is seen is what is read): the name, the
 * kind, then a detail only screen readers get; the badge at the end is hidden from them (it repeats the detail).
 */
function RowBody({ node }: { node: TopologyNode }) {
  const leaf = node.kind === "service" || node.kind === "service-entry";
  return (
    <>
      <span className="min-w-0 truncate font-medium" title={node.label}>
        {node.label}
      </span>{" "}
      <span className={leaf ? "sr-only" : "text-xs whitespace-nowrap text-slate-500"}>{kindWord(node)}</span>
      <span className="sr-only">{rowDetail(node)}</span>
      <span aria-hidden="true" className="ml-auto max-w-[45%] shrink-0 truncate">
        <RowBadge node={node} />
      </span>
    </>
  );
}

type Props = { rows: readonly TreeRow[]; selected?: string; onToggle: (id: string) => void; onSelect: (id: string) => void };

/**
 * Every visible node of the graph as a tree (WAI-ARIA treeview with a roving tabindex): one Tab stop, arrows move
 * and open or close groups, Enter opens the node's panel. This is how the graph is used without a mouse, and what
 * a screen reader reads; the canvas beside it draws the same nodes.
 */
export function NodeTree({ rows, selected, onToggle, onSelect }: Props) {
  const [focusId, setFocusId] = useState<string | undefined>(undefined);
  const list = useRef<HTMLUListElement>(null);
  const current = rows.some((r) => r.node.id === focusId) ? focusId : (selected ?? rows[0]?.node.id);

  const focus = (id: string) => {
    setFocusId(id);
    list.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent, row: TreeRow) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      if (event.key === " " && row.expanded !== undefined) onToggle(row.node.id);
      else onSelect(row.node.id);
      return;
    }
    if (!KEYS.has(event.key)) return;
    event.preventDefault();
    const move = treeMove(rows, row.node.id, event.key as TreeKey);
    if (!move) return;
    if ("focus" in move) focus(move.focus);
    else onToggle(move.toggle);
  };

  return (
    <ul ref={list} role="tree" aria-label="Topology nodes" className="text-sm">
      {rows.map((row) => (
        <li
          key={row.node.id}
          data-id={row.node.id}
          role="treeitem"
          aria-level={row.level}
          aria-posinset={row.pos}
          aria-setsize={row.size}
          aria-expanded={row.expanded}
          aria-selected={row.node.id === selected}
          tabIndex={row.node.id === current ? 0 : -1}
          onKeyDown={(e) => onKeyDown(e, row)}
          onFocus={() => setFocusId(row.node.id)}
          onClick={() => onSelect(row.node.id)}
          style={{ paddingLeft: `${(row.level - 1) * 14 + 6}px` }}
          className={`flex cursor-pointer items-center gap-1.5 rounded-md py-1 pr-2 text-slate-800 outline-none hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-indigo-500 ${
            row.node.id === selected ? "bg-indigo-50" : ""
          }`}
        >
          <span
            aria-hidden="true"
            className="w-3 shrink-0 text-center font-mono text-xs text-slate-500"
            onClick={(e) => {
              if (row.expanded === undefined) return;
              e.stopPropagation();
              onToggle(row.node.id);
            }}
          >
            {row.expanded === undefined ? "" : row.expanded ? "▾" : "▸"}
          </span>
          <RowBody node={row.node} />
        </li>
      ))}
    </ul>
  );
}

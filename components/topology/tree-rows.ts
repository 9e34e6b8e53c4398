// The keyboard path through the graph: its visible nodes as the rows of a tree (WAI-ARIA treeview), depth first,
// in the server's order, with what each row needs to be announced and moved through. Pure.
import type { TopologyNode } from "@/lib/topology/types";
import { countsSentence } from "./to-flow";

export type TreeRow = {
  node: TopologyNode;
  level: number;
  /** Position among its siblings, 1-based, and their number (aria-posinset / aria-setsize). */
  pos: number;
  size: number;
  parent?: string;
  /** Groups only: whether it is open. */
  expanded?: boolean;
};

export function treeRows(nodes: readonly TopologyNode[]): TreeRow[] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string | undefined, TopologyNode[]>();
  for (const node of nodes) {
    const parent = node.parent && ids.has(node.parent) ? node.parent : undefined;
    children.set(parent, [...(children.get(parent) ?? []), node]);
  }
  const rows: TreeRow[] = [];
  const walk = (parent: string | undefined, level: number) => {
    const list = children.get(parent) ?? [];
    list.forEach((node, i) => {
      const expanded = node.kind === "cluster" || node.kind === "namespace" ? node.expanded : undefined;
      rows.push({ node, level, pos: i + 1, size: list.length, parent, expanded });
      if (expanded) walk(node.id, level + 1);
    });
  };
  walk(undefined, 1);
  return rows;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The word after a row's name, shown and read: what kind of node it is. */
export function kindWord(node: TopologyNode): string {
  return node.kind === "service-entry" ? "ServiceEntry host" : node.kind === "gateway" ? "gateway" : node.kind;
}

/**
 * What a screen reader adds after the row's visible name and kind (the row shows it shorter, as colour and a
 * glyph): counts for a group, readiness and addresses for a gateway, the failover sentence for a service. It starts
 * with a word: browsers put a space before a visually hidden span, so a leading comma would read " , ".
 */
export function rowDetail(node: TopologyNode): string {
  switch (node.kind) {
    case "cluster":
      return `${node.stale ? "stale, " : ""}${plural(node.services, "service")}, ${plural(node.gateways, "gateway")}: ${countsSentence(node.counts)}`;
    case "namespace":
      return `${plural(node.services, "service")}: ${countsSentence(node.counts)}`;
    case "gateway":
      return `${node.ready ? `${node.readyPods} ready` : "not ready"}, ${node.addresses.length > 0 ? node.addresses.join(", ") : "no address"}`;
    default:
      return node.sentence;
  }
}

/** The row's whole accessible name: its name, kind and detail. */
export const rowLabel = (node: TopologyNode): string => `${node.label} ${kindWord(node)} ${rowDetail(node)}`;

export type TreeKey = "ArrowDown" | "ArrowUp" | "ArrowRight" | "ArrowLeft" | "Home" | "End";

/**
 * Where a key leads from a row (treeview keyboard pattern): up/down move, right opens a closed group or enters an
 * open one, left closes an open group or goes to the parent. `toggle` says the group must open or close instead.
 */
export function treeMove(rows: readonly TreeRow[], from: string, key: TreeKey): { focus: string } | { toggle: string } | null {
  const i = rows.findIndex((r) => r.node.id === from);
  const row = rows[i];
  if (!row) return rows[0] ? { focus: rows[0].node.id } : null;
  const at = (j: number) => (rows[j] ? { focus: rows[j].node.id } : null);
  switch (key) {
    case "ArrowDown":
      return at(i + 1);
    case "ArrowUp":
      return at(i - 1);
    case "Home":
      return at(0);
    case "End":
      return at(rows.length - 1);
    case "ArrowRight":
      if (row.expanded === false) return { toggle: row.node.id };
      return row.expanded && rows[i + 1]?.parent === row.node.id ? at(i + 1) : null;
    case "ArrowLeft":
      if (row.expanded) return { toggle: row.node.id };
      return row.parent ? { focus: row.parent } : null;
  }
}

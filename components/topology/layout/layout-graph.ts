// The topology graph's layout: groups inside groups (cluster ⊃ gateways and namespaces ⊃ services), packed in rows.
// Measured before choosing (Debian Chromium, 2 shared cores): elkjs 0.12 "layered" with hierarchy took 3.6 s for
// 300 nodes and 34 s for 3,000, off the main thread but far over "interactive in 1 s"; this packing is linear in
// the node count (under 5 ms for 3,000). The graph is a containment tree with a few cross-cluster edges, so rows
// of boxes read well, and a group's children keep their slots while the data changes.
//
// Pure: runs in the layout worker (layout.worker.ts) and in tests. Positions of children are relative to their
// parent (what @xyflow/react expects for nodes with a parentId).

/** What the layout needs of a node: its place in the tree and whether it is drawn as an open group. */
export type LayoutInput = { id: string; parent?: string; kind: string; expanded?: boolean };
export type Box = { x: number; y: number; width: number; height: number };
export type Layout = Record<string, Box>;

/** Remembers the order in which ids were first seen, so children keep their slots across live updates. */
export type OrderMemory = Map<string, number>;

export const LEAF_SIZE: Readonly<Record<string, { width: number; height: number }>> = {
  cluster: { width: 260, height: 112 },
  namespace: { width: 220, height: 84 },
  gateway: { width: 280, height: 76 },
  service: { width: 240, height: 64 },
  "service-entry": { width: 240, height: 64 },
};
const DEFAULT_SIZE = { width: 240, height: 64 };
/** Room for the group's title bar, and the margin inside and between boxes. */
export const GROUP_HEADER = 44;
const PAD = 16;
const GAP = 16;
/** "Up to four on a row in any case" holds while those four fit this width (small boxes, not open groups). */
const MAX_SHORT_ROW = 1200;

type Tree = Map<string | undefined, LayoutInput[]>;

/** Records ids seen for the first time, as a layout would (keeps a second memory in step without laying out). */
export function rememberOrder(nodes: readonly LayoutInput[], order: OrderMemory): void {
  for (const node of nodes) if (!order.has(node.id)) order.set(node.id, order.size);
}

function childrenOf(nodes: readonly LayoutInput[], order: OrderMemory): Tree {
  const ids = new Set(nodes.map((n) => n.id));
  const tree: Tree = new Map();
  rememberOrder(nodes, order);
  for (const node of nodes) {
    // A parent that is not drawn (an inconsistent answer) puts the node at the top level rather than losing it.
    const parent = node.parent && ids.has(node.parent) ? node.parent : undefined;
    const list = tree.get(parent) ?? [];
    list.push(node);
    tree.set(parent, list);
  }
  for (const list of tree.values()) list.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return tree;
}

/**
 * Rows of boxes, left to right, wrapping at a width that makes the whole about twice as wide as tall (screens are
 * wide, and edges between boxes need the room), with up to four small boxes on a row in any case, and never
 * narrower than the widest box. Returns each box's offset and the size of what they fill.
 */
export function packRows(sizes: ReadonlyArray<{ width: number; height: number }>): { offsets: Array<{ x: number; y: number }>; width: number; height: number } {
  const area = sizes.reduce((sum, s) => sum + (s.width + GAP) * (s.height + GAP), 0);
  const widest = sizes.reduce((max, s) => Math.max(max, s.width), 0);
  const firstFour = sizes.slice(0, 4).reduce((sum, s) => sum + s.width + GAP, -GAP);
  const limit = Math.max(widest, firstFour <= MAX_SHORT_ROW ? firstFour : 0, Math.sqrt(area * 3));
  const offsets: Array<{ x: number; y: number }> = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const size of sizes) {
    if (x > 0 && x + size.width > limit) {
      y += rowHeight + GAP;
      x = 0;
      rowHeight = 0;
    }
    offsets.push({ x, y });
    x += size.width + GAP;
    width = Math.max(width, x - GAP);
    rowHeight = Math.max(rowHeight, size.height);
  }
  return { offsets, width, height: sizes.length > 0 ? y + rowHeight : 0 };
}

/** Lays out the visible graph. `order` is read and extended (ids seen for the first time go last in their group). */
export function layoutGraph(nodes: readonly LayoutInput[], order: OrderMemory = new Map()): Layout {
  const tree = childrenOf(nodes, order);
  const layout: Layout = {};
  const place = (node: LayoutInput): { width: number; height: number } => {
    const children = tree.get(node.id) ?? [];
    if (!node.expanded || children.length === 0) return LEAF_SIZE[node.kind] ?? DEFAULT_SIZE;
    const sizes = children.map(place);
    const packed = packRows(sizes);
    children.forEach((child, i) => {
      const offset = packed.offsets[i] ?? { x: 0, y: 0 };
      layout[child.id] = { x: PAD + offset.x, y: GROUP_HEADER + offset.y, ...(sizes[i] ?? DEFAULT_SIZE) };
    });
    const leaf = LEAF_SIZE[node.kind] ?? DEFAULT_SIZE;
    return { width: Math.max(leaf.width, packed.width + 2 * PAD), height: GROUP_HEADER + packed.height + PAD };
  };
  const roots = tree.get(undefined) ?? [];
  const sizes = roots.map(place);
  const packed = packRows(sizes);
  roots.forEach((root, i) => {
    layout[root.id] = { ...(packed.offsets[i] ?? { x: 0, y: 0 }), ...(sizes[i] ?? DEFAULT_SIZE) };
  });
  return layout;
}

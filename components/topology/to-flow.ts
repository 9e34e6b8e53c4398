// The topology answer (lib/topology/types.ts) and its layout, as @xyflow/react nodes and edges. Pure: the view
// memoizes it on the graph, the layout and the selection.
import { MarkerType, type Edge, type Node } from "@xyflow/react";
import type { EdgeFigure } from "@/lib/topology-traffic/edge-figures";
import { edgeTrafficSentence } from "@/lib/topology-traffic/edge-words";
import type { TopologyEdge, TopologyGraph, TopologyNode } from "@/lib/topology/types";
import { FAILOVER_WORDS } from "@/lib/failover/words";
import { EDGE_LOOK, EDGE_STATUSES } from "./node-look";
import type { Layout } from "./layout/layout-graph";

export type TopologyNodeData = { node: TopologyNode; selected: boolean };
export type FlowNode = Node<TopologyNodeData>;

const isGroup = (n: TopologyNode) => n.kind === "cluster" || n.kind === "namespace";

/** Parents before children (xyflow draws a child only after its parent), else the server's order. */
function depthOf(node: TopologyNode, byId: ReadonlyMap<string, TopologyNode>): number {
  let depth = 0;
  for (let p = node.parent; p && depth < 4; p = byId.get(p)?.parent) depth++;
  return depth;
}

export function toFlowNodes(graph: TopologyGraph, layout: Layout, selected: string | undefined): FlowNode[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const out: Array<FlowNode & { depth: number }> = [];
  for (const node of graph.nodes) {
    const box = layout[node.id];
    if (!box) continue;
    const parent = node.parent && byId.has(node.parent) && layout[node.parent] ? node.parent : undefined;
    const open = isGroup(node) && "expanded" in node && node.expanded;
    out.push({
      id: node.id,
      type: node.kind === "service-entry" ? "service" : node.kind,
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      parentId: parent,
      data: { node, selected: node.id === selected },
      selected: node.id === selected,
      draggable: false,
      connectable: false,
      // Open groups sit under their children; collapsed ones are ordinary boxes.
      zIndex: open ? 0 : 1,
      depth: depthOf(node, byId),
    });
  }
  out.sort((a, b) => a.depth - b.depth);
  return out.map((entry) => {
    const { depth, ...node } = entry;
    void depth;
    return node;
  });
}

/** "3 failover routes: 2 Active, 1 Broken" — what an edge stands for, in words. */
export function edgeSentence(edge: TopologyEdge): string {
  const what = edge.kind === "failover" ? "failover route" : "ingress route";
  const parts = EDGE_STATUSES.filter((s) => (edge.statusCounts[s] ?? 0) > 0).map((s) => `${edge.statusCounts[s]} ${EDGE_LOOK[s].words}`);
  const head = edge.count === 1 ? `${EDGE_LOOK[edge.status].words} ${what}` : `${edge.count} ${what}s: ${parts.join(", ")}`;
  return `${head} from ${edge.sourceCluster} to ${edge.targetCluster}`;
}

export function toFlowEdges(graph: TopologyGraph, layout: Layout, traffic?: ReadonlyMap<string, EdgeFigure | undefined>): Edge[] {
  return graph.edges
    .filter((e) => layout[e.source] && layout[e.target])
    .map((e) => {
      const look = EDGE_LOOK[e.status];
      const figure = traffic?.get(e.id);
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        type: "floating",
        label: e.count > 1 ? String(e.count) : undefined,
        markerEnd: { type: MarkerType.ArrowClosed, color: look.stroke, width: 14, height: 14 },
        ariaLabel: figure ? `${edgeSentence(e)}: ${edgeTrafficSentence(figure, e)}` : edgeSentence(e),
        style: { stroke: look.stroke, strokeWidth: e.count > 1 ? 2.5 : 1.5, strokeDasharray: look.dash },
        labelStyle: { fill: look.stroke, fontWeight: 600, fontSize: 11 },
        // Above the open groups they cross.
        zIndex: 2,
        focusable: false,
        selectable: false,
        data: { status: e.status, ...(figure ? { traffic: figure } : {}) },
      };
    });
}

/** "2 Serving locally, 1 At risk": a group's counts, in words, for screen readers and titles. */
export function countsSentence(counts: Partial<Record<keyof typeof FAILOVER_WORDS, number>>): string {
  const parts = (Object.keys(FAILOVER_WORDS) as Array<keyof typeof FAILOVER_WORDS>).filter((k) => (counts[k] ?? 0) > 0).map((k) => `${counts[k]} ${FAILOVER_WORDS[k]}`);
  return parts.length > 0 ? parts.join(", ") : "no services";
}

"use client";

import "@xyflow/react/dist/style.css";
import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow, type NodeMouseHandler } from "@xyflow/react";
import { useEffect, useMemo } from "react";
import type { TopologyGraph } from "@/lib/topology/types";
import { FloatingEdge } from "./floating-edge";
import { NODE_TYPES } from "./flow-nodes";
import type { Layout } from "./layout/layout-graph";
import { toFlowEdges, toFlowNodes, type FlowNode } from "./to-flow";
import { useTopologyTraffic } from "./traffic/use-topology-traffic";

// Rendering library chosen by measurement (Debian Chromium, Playwright, 2 shared cores; first paint / longest task,
// median of 3): @xyflow/react 12 — 300 nodes 0.50 s / 241 ms, 3,000 nodes 1.9 s / 867 ms (visible elements only);
// cytoscape 3 — 0.87 s / 468 ms and 2.9 s / 1.9 s; sigma 4 + graphology — 1.2 s / 784 ms and 1.6 s / 1.1 s (WebGL,
// no groups). The server aggregates (a 20 × 1,000 fleet is 20 nodes until opened), so what is drawn stays in the
// range where xyflow is fastest; its nodes are DOM, styled like the rest of the console and dark mode included.

const EDGE_TYPES = { floating: FloatingEdge };

type Props = {
  graph: TopologyGraph;
  layout: Layout;
  selected?: string;
  /** A node to bring into view once it is laid out (just opened, or picked in the tree). */
  reveal?: string;
  onRevealed: () => void;
  onToggle: (id: string) => void;
  onSelect: (id: string) => void;
};

function Canvas({ graph, layout, selected, reveal, onRevealed, onToggle, onSelect }: Props) {
  const flow = useReactFlow();
  const nodes = useMemo(() => toFlowNodes(graph, layout, selected), [graph, layout, selected]);
  const traffic = useTopologyTraffic(graph.workspace, graph.edges).byEdge;
  const edges = useMemo(() => toFlowEdges(graph, layout, traffic), [graph, layout, traffic]);

  // Pan and zoom stay the user's: the view moves only to show what they just opened or picked.
  useEffect(() => {
    // Wait for the graph in which the group is open (the previous one still has it closed, in its old box).
    const target = reveal ? graph.nodes.find((n) => n.id === reveal) : undefined;
    if (!reveal || !target || !layout[reveal] || ("expanded" in target && !target.expanded)) return;
    void flow.fitView({ nodes: [{ id: reveal }], padding: 0.25, maxZoom: 1.1, duration: 250 });
    onRevealed();
  }, [reveal, graph, layout, flow, onRevealed]);

  const onNodeClick: NodeMouseHandler<FlowNode> = (_, node) => {
    const kind = node.data.node.kind;
    if (kind === "cluster" || kind === "namespace") onToggle(node.id);
    else onSelect(node.id);
  };

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      edgeTypes={EDGE_TYPES}
      onNodeClick={onNodeClick}
      onNodeDoubleClick={(_, node) => onSelect(node.id)}
      colorMode="system"
      // The console's card colour (globals.css mirrors it in dark mode), not xyflow's own grey.
      style={{ backgroundColor: "var(--color-white)" }}
      fitView
      fitViewOptions={{ padding: 0.15, maxZoom: 1.1 }}
      minZoom={0.05}
      maxZoom={2}
      // The tree beside the canvas is the keyboard path (every node, in order); the canvas is for the mouse.
      nodesFocusable={false}
      edgesFocusable={false}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      onlyRenderVisibleElements={nodes.length > 400}
    >
      <Background gap={24} size={1} bgColor="var(--color-white)" color="var(--color-slate-300)" />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}

/** The graph drawn: groups, gateways and services placed by the layout worker, edges coloured by status. */
export function TopologyCanvas(props: Props) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}

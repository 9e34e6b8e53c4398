"use client";

import { useMemo } from "react";
import type { TopologyGraph } from "@/lib/topology/types";
import { useLayout } from "./layout/use-layout";
import { NodeTree } from "./node-tree";
import { TopologyCanvas } from "./topology-canvas";
import { treeRows } from "./tree-rows";

type Props = {
  graph: TopologyGraph;
  selected?: string;
  reveal?: string;
  onRevealed: () => void;
  onToggle: (id: string) => void;
  onSelect: (id: string) => void;
};

/** The node tree (the keyboard path) beside the canvas; both show the same visible nodes. */
export function GraphPane({ graph, selected, reveal, onRevealed, onToggle, onSelect }: Props) {
  const laid = useLayout(graph);
  const rows = useMemo(() => treeRows(graph.nodes), [graph.nodes]);
  return (
    <div className="grid gap-4 lg:grid-cols-[21rem_1fr]">
      <section aria-labelledby="topology-nodes" className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
        <h2 id="topology-nodes" className="px-1 text-sm font-semibold text-slate-800">
          Nodes
        </h2>
        <p className="mb-2 px-1 text-xs text-slate-600">Arrow keys move; → opens a group, ← closes it; Enter shows details.</p>
        <div className="max-h-[34rem] overflow-y-auto">
          <NodeTree rows={rows} selected={selected} onToggle={onToggle} onSelect={onSelect} />
        </div>
      </section>
      <section aria-label="Topology graph" data-layout={laid?.where} className="relative h-[38rem] overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        {laid ? (
          <TopologyCanvas graph={laid.graph} layout={laid.layout} selected={selected} reveal={reveal} onRevealed={onRevealed} onToggle={onToggle} onSelect={onSelect} />
        ) : (
          <p role="status" className="p-6 text-sm text-slate-600">
            Laying out {graph.nodes.length} nodes…
          </p>
        )}
      </section>
    </div>
  );
}

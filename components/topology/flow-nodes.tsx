"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { FAILOVER_LOOK } from "../workspace/failover-cell";
import { StatusPill } from "../workspace/status-pill";
import { stateClasses } from "./node-look";
import { StateCounts } from "./state-counts";
import type { FlowNode } from "./to-flow";

// Edges attach to these; nobody draws new edges here, so they are invisible and not connectable.
function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} className="!size-1 !min-h-0 !min-w-0 !border-0 !bg-transparent" />
      <Handle type="source" position={Position.Right} isConnectable={false} className="!size-1 !min-h-0 !min-w-0 !border-0 !bg-transparent" />
    </>
  );
}

const ring = (selected: boolean) => (selected ? "ring-2 ring-indigo-500 ring-offset-2 ring-offset-white" : "");

/** A cluster or a namespace: collapsed, a box with its counts; open, a frame its children are drawn in. */
export function GroupNode({ data }: NodeProps<FlowNode>) {
  const node = data.node;
  if (node.kind !== "cluster" && node.kind !== "namespace") return null;
  const look = stateClasses(node.kind === "cluster" && node.stale ? "unknown" : node.worst);
  const stale = node.kind === "cluster" && node.stale;
  const sub = node.kind === "cluster" ? `${node.services} services · ${node.gateways} ${node.gateways === 1 ? "gateway" : "gateways"}` : `${node.services} services`;
  return (
    <div
      title={`${node.kind === "cluster" ? "Cluster" : "Namespace"} ${node.label}: ${node.expanded ? "click to collapse" : "click to expand"}`}
      className={`h-full w-full cursor-pointer rounded-xl border-2 ${look.border} ${node.expanded ? "bg-white/60 border-dashed" : `${look.fill} shadow-sm`} ${ring(data.selected)}`}
    >
      <Handles />
      <div className="flex items-start gap-2 px-3 pt-2">
        <span aria-hidden="true" className="mt-0.5 font-mono text-xs text-slate-500">
          {node.expanded ? "▾" : "▸"}
        </span>
        <div className="min-w-0 flex-1">
          <p className="flex items-center gap-2 truncate text-sm font-semibold text-slate-900">
            <span className="truncate">{node.label}</span>
            <span className="text-[11px] font-normal text-slate-500">{node.kind === "cluster" ? "cluster" : "namespace"}</span>
            {stale && <StatusPill tone="warn">stale</StatusPill>}
          </p>
          {!node.expanded && <p className="text-xs text-slate-600">{sub}</p>}
        </div>
        {node.expanded && <StateCounts counts={node.counts} className="justify-end" />}
      </div>
      {!node.expanded && <StateCounts counts={node.counts} className="px-3 pt-1.5" />}
    </div>
  );
}

/** An east-west gateway: its name, addresses and whether it has ready pods. */
export function GatewayNode({ data }: NodeProps<FlowNode>) {
  const node = data.node;
  if (node.kind !== "gateway") return null;
  return (
    <div className={`h-full w-full rounded-lg border-2 bg-white px-3 py-2 shadow-sm ${node.ready ? "border-indigo-400" : "border-rose-500"} ${ring(data.selected)}`}>
      <Handles />
      <p className="flex items-center justify-between gap-2 text-sm font-medium text-slate-900">
        <span className="flex min-w-0 items-center gap-1">
          <span aria-hidden="true">⇄</span>
          <span className="truncate">{node.name}</span>
        </span>
        <StatusPill tone={node.ready ? "good" : "bad"}>{node.ready ? `${node.readyPods} ready` : "not ready"}</StatusPill>
      </p>
      <p className="truncate font-mono text-xs text-slate-600" title={node.addresses.join(", ")}>
        {node.addresses.length > 0 ? node.addresses.join(", ") : "no address"}
      </p>
    </div>
  );
}

/** A service (or a host consumed through a ServiceEntry): its name and failover state in words. */
export function ServiceNode({ data }: NodeProps<FlowNode>) {
  const node = data.node;
  if (node.kind !== "service" && node.kind !== "service-entry") return null;
  const look = stateClasses(node.state);
  return (
    <div title={node.sentence} className={`h-full w-full cursor-pointer rounded-lg border-l-4 ${look.border} border border-y-slate-200 border-r-slate-200 bg-white px-3 py-1.5 shadow-sm ${ring(data.selected)}`}>
      <Handles />
      <p className="truncate text-sm font-medium text-slate-900">{node.label}</p>
      <p className="flex items-center gap-1.5 truncate text-xs text-slate-600">
        <StatusPill tone={FAILOVER_LOOK[node.state].tone}>
          <span aria-hidden="true">{FAILOVER_LOOK[node.state].glyph}</span>
          {node.words}
        </StatusPill>
        {node.reasonWords && <span className="truncate">{node.reasonWords}</span>}
      </p>
    </div>
  );
}

export const NODE_TYPES = { cluster: GroupNode, namespace: GroupNode, gateway: GatewayNode, service: ServiceNode };

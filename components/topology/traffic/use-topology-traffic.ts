"use client";

import { useMemo } from "react";
import { trafficByEdge, type EdgeFigure } from "@/lib/topology-traffic/edge-figures";
import type { TopologyEdge } from "@/lib/topology/types";
import type { TrafficView } from "@/lib/traffic/types";
import type { TrafficState } from "../../traffic/traffic-note";
import { useTrafficView } from "../../traffic/use-traffic-view";

/**
 * The topology page's traffic: `view` only when Prometheus answered (figures are drawn from nothing else), `state`
 * for the one note above the graph in every case, and the figures of `edges` by edge id.
 */
export type TopologyTraffic = { view?: TrafficView; state: TrafficState; byEdge: ReadonlyMap<string, EdgeFigure | undefined> };

const NO_FIGURES: ReadonlyMap<string, EdgeFigure | undefined> = new Map();

/**
 * The traffic view of the page's scope (one workspace's services, or the fleet), polled while the tab is visible
 * (useTrafficView: one query shared by every component that asks, so the panel and each table row cost no request
 * of their own). The edge figures are recomputed only when the graph's edges or the view change.
 */
export function useTopologyTraffic(workspace?: string, edges?: readonly TopologyEdge[]): TopologyTraffic {
  const query = useTrafficView(workspace);
  const data = query.data;
  const view = data?.status.state === "ok" ? data : undefined;
  const byEdge = useMemo(() => (view && edges ? trafficByEdge(edges, view) : NO_FIGURES), [view, edges]);
  const state: TrafficState = data ? { status: data.status, at: data.at } : query.error ? { error: query.error } : undefined;
  return { ...(view ? { view } : {}), state, byEdge };
}

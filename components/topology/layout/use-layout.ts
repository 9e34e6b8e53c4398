"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { layoutGraph, rememberOrder, type Layout, type LayoutInput, type OrderMemory } from "./layout-graph";

type Answer = { seq: number; layout: Layout };

/**
 * Up to this many nodes the layout runs here: measured 0.05 ms for 20 collapsed clusters and 13 ms for 3,140 nodes
 * (under the 50 ms of a long task), less than a worker's round trip and start. Bigger graphs go to the worker.
 */
export const MAIN_THREAD_MAX_NODES = 1500;

const inputsOf = (graph: { nodes: readonly LayoutInput[] }): LayoutInput[] => graph.nodes.map(({ id, parent, kind, expanded }) => ({ id, parent, kind, expanded }));
/** A graph with its layout, and where that layout was computed (the page says so, for benchmarks and support). */
export type Laid<G> = { graph: G; layout: Layout; where: "worker" | "main thread" };

/**
 * The boxes of a graph's nodes, returned with the graph they belong to, so the canvas always draws a graph with its
 * own layout (never new nodes in an old layout). A big graph is laid out in a Web Worker (layout.worker.ts), off the
 * main thread; a small one (the aggregated view) here, where it costs less than the trip. Undefined until the first
 * answer; only the latest request's answer is used. Where no Worker can start, the same pure function runs here.
 */
export function useLayout<G extends { nodes: readonly LayoutInput[] }>(graph: G | undefined): Laid<G> | undefined {
  const worker = useRef<Worker | null>(null);
  const fallbackOrder = useRef<OrderMemory>(new Map());
  const pending = useRef<{ seq: number; graph: G } | null>(null);
  const seq = useRef(0);
  const [laid, setLaid] = useState<Laid<G> | undefined>(undefined);

  // The same pure function, here: for when the worker cannot start or dies (a refused script, an old browser).
  const layOutHere = useCallback((request: { graph: G }) => {
    setLaid({ graph: request.graph, layout: layoutGraph(inputsOf(request.graph), fallbackOrder.current), where: "main thread" });
  }, []);

  useEffect(() => {
    let w: Worker | null = null;
    try {
      w = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module", name: "topology-layout" });
      w.onmessage = (event: MessageEvent<Answer>) => {
        const request = pending.current;
        if (request && event.data.seq === request.seq && request.graph.nodes.length > MAIN_THREAD_MAX_NODES) setLaid({ graph: request.graph, layout: event.data.layout, where: "worker" });
      };
      w.onerror = () => {
        w?.terminate();
        worker.current = null;
        if (pending.current && pending.current.graph.nodes.length > MAIN_THREAD_MAX_NODES) layOutHere(pending.current);
      };
    } catch {
      w = null;
    }
    worker.current = w;
    return () => w?.terminate();
  }, [layOutHere]);

  useEffect(() => {
    if (!graph) return;
    const request = { seq: ++seq.current, graph };
    pending.current = request;
    const small = graph.nodes.length <= MAIN_THREAD_MAX_NODES;
    // The worker sees every graph, small ones too, so its order memory stays the same as this one's and a graph
    // growing past the limit keeps its nodes where they were.
    if (worker.current) worker.current.postMessage({ seq: request.seq, nodes: inputsOf(graph) });
    if (small || !worker.current) layOutHere(request);
    else rememberOrder(inputsOf(graph), fallbackOrder.current);
  }, [graph, layOutHere]);

  return laid;
}

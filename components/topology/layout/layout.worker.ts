// The layout worker: the page posts the visible nodes, the worker answers with their boxes, so a big graph's layout
// never holds the main thread (stack.md: a layout on the main thread froze tabs elsewhere). It keeps the order in
// which it first saw each id (layout-graph.ts), which is what keeps existing nodes in place across live updates.
import { z } from "zod";
import "@/components/zod-jitless";
import { layoutGraph, type OrderMemory } from "./layout-graph";

const requestSchema = z.object({
  seq: z.number().int(),
  nodes: z.array(z.object({ id: z.string(), parent: z.string().optional(), kind: z.string(), expanded: z.boolean().optional() })),
});

const order: OrderMemory = new Map();

self.onmessage = (event: MessageEvent<unknown>) => {
  const request = requestSchema.safeParse(event.data);
  if (!request.success) return;
  self.postMessage({ seq: request.data.seq, layout: layoutGraph(request.data.nodes, order) });
};

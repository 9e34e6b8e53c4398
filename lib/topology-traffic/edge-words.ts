// An edge's traffic in words: the short label drawn on the edge ("0.8 req/s · 2 % 5xx") and the sentence a screen
// reader and the tooltip get. The figures' words are the traffic view's own (lib/traffic/served-by-words.ts).
import type { TopologyEdge } from "@/lib/topology/types";
import { errorWords, rpsWords } from "@/lib/traffic/served-by-words";
import type { EdgeFigure } from "./edge-figures";

/** Above this 5xx share an edge's label is drawn as an error (one request in twenty failing is not noise). */
export const HIGH_ERROR_RATE = 0.05;

export function isHighErrorRate(figure: Pick<EdgeFigure, "errorRate">): boolean {
  return figure.errorRate > HIGH_ERROR_RATE;
}

/** "0.8 req/s · 2 % 5xx"; "≤ 12 req/s" when the figure is every flow between the two clusters (an upper bound). */
export function edgeTrafficLabel(figure: EdgeFigure): string {
  const rate = `${figure.scope === "clusters" ? "≤ " : ""}${rpsWords(figure.rps)}`;
  const errors = errorWords(figure.errorRate);
  return errors ? `${rate} · ${errors}` : rate;
}

/**
 * "0.8 req/s, 2 % 5xx in the last minute", with what the figure covers when it is not the edge's own services:
 * "at most … (every service from west to east: the edge stands for 35 routes and names 20 services)".
 */
export function edgeTrafficSentence(figure: EdgeFigure, edge: Pick<TopologyEdge, "count" | "fqdns" | "sourceCluster" | "targetCluster" | "kind">): string {
  const errors = errorWords(figure.errorRate);
  const head = `${rpsWords(figure.rps)}${errors ? `, ${errors}` : ""} in the last minute`;
  if (figure.scope === "services") return head;
  const between = edge.kind === "ingress" ? `into ${edge.targetCluster} from other clusters` : `from ${edge.sourceCluster} to ${edge.targetCluster}`;
  return `at most ${head} (every service ${between}: the edge stands for ${edge.count} routes and names ${edge.fqdns.length} services)`;
}

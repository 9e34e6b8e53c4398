// The topology page's state in its URL, so a link shows what its author saw: the view (graph or table), which
// groups are open, and which node's panel is open. The table keeps its own filters beside these (prefixed `t`).
import { z } from "zod";
import { MAX_EXPANDED, MAX_NODE_ID_LENGTH } from "@/lib/topology/types";

export type TopologyView = "graph" | "table";
export type TopologyUrlState = { view: TopologyView; expanded: string[]; selected?: string };

export const VIEW_PARAM = "view";
export const EXPAND_PARAM = "expanded";
export const NODE_PARAM = "node";

const idSchema = z.string().min(1).max(MAX_NODE_ID_LENGTH);
const viewSchema = z.enum(["graph", "table"]).catch("graph");

/** Reads the state, dropping what cannot be an id (hand-edited URLs): never throws. */
export function readUrlState(params: URLSearchParams): TopologyUrlState {
  const expanded = [...new Set(params.getAll(EXPAND_PARAM).filter((id) => idSchema.safeParse(id).success))].slice(0, MAX_EXPANDED);
  const node = idSchema.safeParse(params.get(NODE_PARAM));
  return { view: viewSchema.parse(params.get(VIEW_PARAM)), expanded: expanded.sort(), selected: node.success ? node.data : undefined };
}

/** The params with this state written in; everything else (the table's `t…` filters) kept. Defaults are left out. */
export function writeUrlState(params: URLSearchParams, state: TopologyUrlState): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete(VIEW_PARAM);
  next.delete(EXPAND_PARAM);
  next.delete(NODE_PARAM);
  if (state.view !== "graph") next.set(VIEW_PARAM, state.view);
  for (const id of [...state.expanded].sort()) next.append(EXPAND_PARAM, id);
  if (state.selected) next.set(NODE_PARAM, state.selected);
  return next;
}

/**
 * Opens or closes a group. Closing a cluster also closes its namespaces (`ns:<cluster>/…`), which would otherwise
 * count against the limit while hidden. Opening past MAX_EXPANDED is refused (the list is returned unchanged).
 */
export function toggleExpanded(expanded: readonly string[], id: string): string[] {
  if (expanded.includes(id)) {
    const cluster = id.startsWith("cluster:") ? id.slice("cluster:".length) : undefined;
    return expanded.filter((e) => e !== id && !(cluster !== undefined && e.startsWith(`ns:${cluster}/`)));
  }
  return expanded.length >= MAX_EXPANDED ? [...expanded] : [...expanded, id].sort();
}

// Edges merged into the ones a person sees: every underlying edge whose two ends lift to the same visible nodes
// becomes one edge with a count, counts by status, the worst status (broken > active > standby) and up to 20 of
// the FQDNs it carries. An edge whose ends lift to the same node (inside one collapsed group) is dropped.
import { edgeId } from "./ids";
import { worseStatus } from "./severity";
import type { TopologyEdge } from "./types";

/** Most FQDNs an edge names; `count` says how many it carries. */
export const MAX_EDGE_FQDNS = 20;

type Kind = TopologyEdge["kind"];
type Part = Pick<TopologyEdge, "count" | "status" | "statusCounts" | "fqdns" | "sourceCluster" | "targetCluster">;
type Slot = { edge: TopologyEdge; owned: boolean };

export type EdgeSink = {
  /** Adds a merged edge whose ends are already the visible ones (kept as is, without a copy, while alone). */
  putEdge(edge: TopologyEdge): void;
  /** Adds a merged edge lifted to `source` → `target`. */
  put(kind: Kind, source: string, target: string, part: Part): void;
  /** Adds one leaf edge (a service's own) lifted to `source` → `target`. */
  putLink(kind: Kind, source: string, target: string, link: { status: TopologyEdge["status"]; fqdn: string; sourceCluster: string; targetCluster: string }): void;
  edges(): TopologyEdge[];
};

function addFqdns(into: string[], from: readonly string[]): void {
  for (const f of from) {
    if (into.length >= MAX_EDGE_FQDNS) return;
    if (!into.includes(f)) into.push(f);
  }
}

function fresh(id: string, kind: Kind, source: string, target: string, part: Part): TopologyEdge {
  return { id, kind, source, target, count: part.count, status: part.status, statusCounts: { ...part.statusCounts }, sourceCluster: part.sourceCluster, targetCluster: part.targetCluster, fqdns: part.fqdns.slice(0, MAX_EDGE_FQDNS) };
}

function add(edge: TopologyEdge, part: Part): void {
  edge.count += part.count;
  edge.status = worseStatus(edge.status, part.status);
  for (const [status, n] of Object.entries(part.statusCounts) as Array<[TopologyEdge["status"], number]>) edge.statusCounts[status] = (edge.statusCounts[status] ?? 0) + n;
  addFqdns(edge.fqdns, part.fqdns);
}

export function createEdgeSink(): EdgeSink {
  const slots = new Map<string, Slot>();

  function merge(id: string, kind: Kind, source: string, target: string, part: Part, reuse?: TopologyEdge): void {
    if (source === target) return;
    const known = slots.get(id);
    if (!known) {
      slots.set(id, reuse ? { edge: reuse, owned: false } : { edge: fresh(id, kind, source, target, part), owned: true });
      return;
    }
    if (!known.owned) {
      known.edge = fresh(id, kind, source, target, known.edge);
      known.owned = true;
    }
    add(known.edge, part);
  }

  return {
    putEdge: (edge) => merge(edge.id, edge.kind, edge.source, edge.target, edge, edge),
    put: (kind, source, target, part) => merge(edgeId(kind, source, target), kind, source, target, part),
    putLink(kind, source, target, link) {
      const part: Part = { count: 1, status: link.status, statusCounts: { [link.status]: 1 }, fqdns: [link.fqdn], sourceCluster: link.sourceCluster, targetCluster: link.targetCluster };
      merge(edgeId(kind, source, target), kind, source, target, part);
    },
    edges: () => [...slots.values()].map((s) => s.edge),
  };
}

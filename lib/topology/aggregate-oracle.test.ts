// The precomputed levels (buckets.ts) against a naive oracle: every leaf edge lifted one by one to the nearest
// visible node and merged. For every combination of expanded clusters and namespaces of a few fleets (healthy,
// failed over, broken, stale, remote only), the visible edges must be the same: ids, counts, statuses, FQDNs.
import { describe, expect, it } from "vitest";
import { DETAILS, REVIEWS, bookinfo, edit, endpoints, pipe } from "@/lib/failover/test-helpers";
import type { FailoverInput } from "@/lib/failover/types";
import { aggregate } from "./aggregate";
import type { FullTopology } from "./full-graph";
import { clusterNodeId, edgeId } from "./ids";
import { worseStatus } from "./severity";
import { topologyOf } from "./test-fleet";
import type { TopologyEdge } from "./types";

type Leaf = { kind: TopologyEdge["kind"]; ends: Array<{ id: string; mid: string; cluster: string }>; status: TopologyEdge["status"]; fqdn: string };

function leafEdgesOf(full: FullTopology): Leaf[] {
  const out: Leaf[] = [];
  full.services.forEach((svc, i) => {
    const self = { id: svc.id, mid: svc.parent ?? svc.id, cluster: svc.cluster };
    for (const l of full.links.failover[i] ?? []) {
      const gw = full.gateways[l.gateway];
      if (gw) out.push({ kind: "failover", ends: [self, { id: gw.id, mid: gw.id, cluster: gw.cluster }], status: l.status, fqdn: svc.fqdn });
    }
    for (const l of full.links.ingress[i] ?? []) {
      const gw = full.gateways[l.gateway];
      if (gw) out.push({ kind: "ingress", ends: [{ id: gw.id, mid: gw.id, cluster: gw.cluster }, self], status: l.status, fqdn: svc.fqdn });
    }
  });
  return out;
}

/** Lift each leaf edge on its own, merge by id; FQDNs as a sorted set (the order of the first 20 is not promised). */
function oracle(full: FullTopology, expanded: readonly string[]): Map<string, string> {
  const open = new Set(expanded);
  const lift = (e: { id: string; mid: string; cluster: string }) => (!open.has(clusterNodeId(e.cluster)) ? clusterNodeId(e.cluster) : open.has(e.mid) ? e.id : e.mid);
  const merged = new Map<string, { count: number; status: TopologyEdge["status"]; counts: Record<string, number>; fqdns: Set<string> }>();
  for (const leaf of leafEdgesOf(full)) {
    const [from, to] = leaf.ends.map(lift) as [string, string];
    if (from === to) continue;
    const id = edgeId(leaf.kind, from, to);
    const m = merged.get(id) ?? { count: 0, status: leaf.status, counts: {}, fqdns: new Set<string>() };
    m.count += 1;
    m.status = worseStatus(m.status, leaf.status);
    m.counts[leaf.status] = (m.counts[leaf.status] ?? 0) + 1;
    m.fqdns.add(leaf.fqdn);
    merged.set(id, m);
  }
  return new Map([...merged].map(([id, m]) => [id, JSON.stringify([m.count, m.status, Object.entries(m.counts).sort(), [...m.fqdns].sort()])]));
}

function actual(full: FullTopology, expanded: readonly string[]): Map<string, string> {
  return new Map(aggregate(full, expanded).edges.map((e) => [e.id, JSON.stringify([e.count, e.status, Object.entries(e.statusCounts).sort(), [...e.fqdns].sort()])]));
}

/** Every subset of `ids` (2^n expansions). */
const subsets = (ids: readonly string[]): string[][] => ids.reduce<string[][]>((acc, id) => [...acc, ...acc.map((s) => [...s, id])], [[]]);

const zero = { ready: 0, total: 1 };
const FLEETS: Array<[string, FailoverInput]> = [
  ["healthy", bookinfo()],
  ["west's details failed over, east's reviews down", pipe(bookinfo(), (i) => endpoints(i, "west", DETAILS, zero), (i) => endpoints(i, "east", REVIEWS, zero))],
  ["east's gateway not ready, north stale", pipe(bookinfo(), (i) => edit(i, "east", (c) => ({ gateways: c.gateways.map((g) => ({ ...g, readyPods: 0 })) })), (i) => edit(i, "north", () => ({ stale: true })))],
  ["every details instance down", pipe(bookinfo(), (i) => endpoints(i, "west", DETAILS, zero), (i) => endpoints(i, "east", DETAILS, zero), (i) => endpoints(i, "north", DETAILS, zero))],
];

const GROUPS = ["west", "east", "north", "south"].flatMap((c) => [`cluster:${c}`, `ns:${c}/bookinfo`]);

describe("aggregate equals lifting every leaf edge one by one", () => {
  it.each(FLEETS)("%s, at every expansion", (_, input) => {
    const full = topologyOf(input);
    for (const expanded of subsets(GROUPS)) expect([expanded, actual(full, expanded)]).toEqual([expanded, oracle(full, expanded)]);
  });
});

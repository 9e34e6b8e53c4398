// The plain summary above an exposure preview's per-object rows: which services stop or start being reachable
// from which clusters, and where their local instances gain or lose failover, as a person would say it ("productpage and ratings will no longer be reachable from other
// clusters"), grouped so that services moving the same way share one sentence.
import type { ServiceReachability } from "./types";

/** Names shown before "and N more services"; clusters named before "N clusters". */
const MAX_SERVICES_NAMED = 5;
const MAX_CLUSTERS_NAMED = 4;

const and = (names: readonly string[]) => (names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1] ?? ""}`);

/** The service's short name (`details`), or `details.bookinfo` when another moving service shares the short name. */
function shortNames(fqdns: readonly string[]): Map<string, string> {
  const first = (f: string) => f.split(".")[0] ?? f;
  const counts = new Map<string, number>();
  for (const f of fqdns) counts.set(first(f), (counts.get(first(f)) ?? 0) + 1);
  return new Map(fqdns.map((f) => [f, (counts.get(first(f)) ?? 0) > 1 ? f.split(".").slice(0, 2).join(".") : first(f)]));
}

/** "east, north and west", or "6 clusters" past MAX_CLUSTERS_NAMED. */
export const clusterList = (names: readonly string[]) => (names.length > MAX_CLUSTERS_NAMED ? `${names.length} clusters` : and(names));
const clusters = clusterList;

function services(names: readonly string[]): { text: string; plural: boolean } {
  if (names.length <= MAX_SERVICES_NAMED) return { text: and(names), plural: names.length > 1 };
  const more = names.length - MAX_SERVICES_NAMED;
  return { text: `${names.slice(0, MAX_SERVICES_NAMED).join(", ")} and ${more} more ${more === 1 ? "service" : "services"}`, plural: true };
}

type Tail = { order: number; tail: (plural: boolean) => string };

/** What happens to one service, as sentence tails (one per direction it moves). */
function tailsOf(r: ServiceReachability): Tail[] {
  const tails: Tail[] = [];
  if (r.lost.length > 0) {
    const nowhere = r.kept.length === 0 && r.gained.length === 0 && r.blocked.length === 0;
    const from = nowhere ? "other clusters" : clusters(r.lost);
    tails.push({ order: 0, tail: () => `will no longer be reachable from ${from}` });
  }
  if (r.failoverLost.length > 0) tails.push({ order: 1, tail: () => `will no longer fail over to other clusters from ${clusters(r.failoverLost)}` });
  if (r.gained.length > 0) tails.push({ order: 2, tail: () => `will become reachable from ${clusters(r.gained)}` });
  if (r.failoverGained.length > 0) tails.push({ order: 3, tail: () => `will fail over to other clusters from ${clusters(r.failoverGained)}` });
  if (r.blocked.length > 0) {
    const where = clusters(r.blocked);
    tails.push({ order: 4, tail: (p) => `cannot be made reachable from ${where}: an object the console did not make holds ${p ? "their" : "its"} ServiceEntry name there` });
  }
  return tails;
}

/** One sentence per way services move, losses first (reachability, then failover), then gains; [] when nothing moves. */
export function exposureSummary(reachability: readonly ServiceReachability[]): string[] {
  const names = shortNames(reachability.map((r) => r.fqdn));
  // Group by the singular tail: the same clusters, the same direction.
  const groups = new Map<string, { order: number; tail: Tail["tail"]; services: string[] }>();
  for (const r of reachability) {
    for (const t of tailsOf(r)) {
      const key = `${t.order}\u0000${t.tail(false)}`;
      const group = groups.get(key) ?? { order: t.order, tail: t.tail, services: [] };
      group.services.push(names.get(r.fqdn) ?? r.fqdn);
      groups.set(key, group);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]) => {
      const who = services(g.services);
      return `${who.text} ${g.tail(who.plural)}.`;
    });
}

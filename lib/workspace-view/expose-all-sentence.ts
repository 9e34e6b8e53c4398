// The one sentence a gateway deploy preview owes when the workspace lists no exposedServices: the default
// ("expose all", domain.md §3.1) means the new gateway makes every service it fronts reachable from the other
// clusters, which a person deploying "just a gateway" may not expect.
import { clusterList } from "./exposure-summary";
import type { ServiceReachability } from "./types";

export type ExposeAllFacts = {
  workspace: string;
  /** Every service of the workspace (the planner's workspaceServices), exposed by default. */
  services: number;
  /** The deploy's consequences per service (service-reachability.ts). */
  reachability: readonly ServiceReachability[];
};

/**
 * Clusters from which a service becomes reachable through the new gateway: through a new ServiceEntry where it
 * does not run (`gained`), or as a remote instance to fail over to where it does (`failoverGained`).
 */
const reachedFrom = (r: ServiceReachability) => [...new Set([...r.gained, ...r.failoverGained])].sort();

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

export function exposeAllSentence({ workspace, services, reachability }: ExposeAllFacts): string {
  const start = "This workspace exposes every service by default";
  const reached = reachability.map(reachedFrom).filter((from) => from.length > 0);
  if (reached.length === 0) return `${start}, but after this no other cluster reaches a service of ${workspace} it did not reach before.`;
  const from = [...new Set(reached.flat())].sort();
  // Services gaining different clusters share the sentence only as "one or more of": never claim more than the plan.
  const where = reached.every((r) => sameSet(r, from)) ? clusterList(from) : `one or more of ${clusterList(from)}`;
  if (reached.length >= services) {
    const who = services === 1 ? `the one service of ${workspace} becomes` : `all ${services} services of ${workspace} become`;
    return `${start}: after this, ${who} reachable from ${where}.`;
  }
  return `${start}: after this, ${reached.length} of the ${services} services of ${workspace} become reachable from ${where}.`;
}

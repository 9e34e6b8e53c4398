// The DestinationRules of a cluster that cover a host, looked up by host instead of testing every rule against
// every service (10,000 services × 10,000 rules is 10^8 comparisons). Istio expands a short host relative to the
// rule's namespace (fqdn.ts), so rules are indexed by their expanded host; wildcards are still tested one by one.
import { expandHost, hostCovers } from "@/lib/names/fqdn";
import type { ClusterInput, DestinationRuleInput } from "@/lib/plan/input";

export type RulesByHost = (cluster: ClusterInput, fqdn: string) => DestinationRuleInput[];

type Index = { exact: Map<string, number[]>; wildcards: number[] };

function indexOf(rules: readonly DestinationRuleInput[]): Index {
  const index: Index = { exact: new Map(), wildcards: [] };
  rules.forEach((dr, i) => {
    const host = expandHost(dr.host, dr.namespace);
    if (host.startsWith("*")) index.wildcards.push(i);
    else index.exact.set(host, [...(index.exact.get(host) ?? []), i]);
  });
  return index;
}

/** A lookup whose per-cluster indexes live as long as the returned function (one checklist run). */
export function rulesByHost(): RulesByHost {
  const indexes = new Map<ClusterInput, Index>();
  return (cluster, fqdn) => {
    let index = indexes.get(cluster);
    if (!index) indexes.set(cluster, (index = indexOf(cluster.destinationRules)));
    const rules = cluster.destinationRules;
    const wild = index.wildcards.filter((i) => {
      const dr = rules[i];
      return dr !== undefined && hostCovers(dr.host, dr.namespace, fqdn);
    });
    // In the cluster's own order, as a filter over the whole list would give.
    return [...(index.exact.get(fqdn) ?? []), ...wild].sort((a, b) => a - b).flatMap((i) => rules[i] ?? []);
  };
}

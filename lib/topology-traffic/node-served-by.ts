// A topology node's "served by" sentence: its failover state joined with which cluster actually answered its
// cluster's requests for the service in the last minute ("west: failed over; served by east 100 % in the last
// minute"). The words and the join are the traffic view's own (lib/traffic/served-by-words.ts).
import type { TopologyNode } from "@/lib/topology/types";
import { servedByFor, trafficSentence } from "@/lib/traffic/served-by-words";
import type { TrafficView } from "@/lib/traffic/types";

/**
 * For a service (or a host consumed through a ServiceEntry) of a view Prometheus answered: the sentence, with "no
 * requests in the last minute" when its cluster sent none. Undefined for groups and gateways (they serve nothing of
 * their own) and when Prometheus is not configured or down (the page says so once, not per node).
 */
export function servedByForNode(node: TopologyNode, view: TrafficView): string | undefined {
  if (node.kind !== "service" && node.kind !== "service-entry") return undefined;
  if (view.status.state !== "ok") return undefined;
  return trafficSentence({ cluster: node.cluster, words: node.words }, servedByFor(view.servedBy, node.cluster, node.fqdn));
}

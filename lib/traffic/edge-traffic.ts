// Traffic on one edge of the topology (source cluster → target cluster), for its label: the request rate and its
// 5xx share, summed over the services the edge carries (all of them, or the ones the page names).
import type { EdgeTraffic, TrafficFlow } from "./types";

/** The edge's rate and error share; undefined when no request took it in the window (no label, not "0 req/s"). */
export function edgeTraffic(flows: readonly TrafficFlow[], sourceCluster: string, targetCluster: string, fqdns?: ReadonlySet<string> | readonly string[]): EdgeTraffic | undefined {
  const only = fqdns === undefined ? undefined : fqdns instanceof Set ? fqdns : new Set(fqdns as readonly string[]);
  let rps = 0;
  let errors = 0;
  for (const f of flows) {
    if (f.sourceCluster !== sourceCluster || f.destinationCluster !== targetCluster) continue;
    if (only && !only.has(f.fqdn)) continue;
    rps += f.rps;
    errors += f.rps * f.errorRate;
  }
  if (rps <= 0) return undefined;
  return { rps, errorRate: Math.min(1, errors / rps) };
}

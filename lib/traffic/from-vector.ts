// The traffic query's vector (promql.ts: rate per source cluster, destination cluster, service and response-code
// class) as the contract's flows and "served by" rows. Pure: Prometheus is asked elsewhere (server/traffic).
import type { PromSample } from "./prometheus-response";
import type { ServedBy, TrafficFlow } from "./types";

/** Envoy's word for a label it could not fill (e.g. destination_cluster of a request no server answered). */
export const UNKNOWN_CLUSTER = "unknown";

type Sums = { rps: number; errors: number };

const key = (...parts: string[]) => parts.join("\u0000");
const label = (sample: PromSample, name: string) => sample.metric[name] || UNKNOWN_CLUSTER;
const rateOf = (s: Sums) => (s.rps > 0 ? Math.min(1, s.errors / s.rps) : 0);

/** One flow per (source cluster, destination cluster, service) with traffic in the window, sorted for stable output. */
export function flowsOf(samples: readonly PromSample[]): TrafficFlow[] {
  const sums = new Map<string, { source: string; destination: string; fqdn: string } & Sums>();
  for (const s of samples) {
    const source = label(s, "source_cluster");
    const destination = label(s, "destination_cluster");
    const fqdn = label(s, "destination_service");
    const k = key(source, destination, fqdn);
    let entry = sums.get(k);
    if (!entry) sums.set(k, (entry = { source, destination, fqdn, rps: 0, errors: 0 }));
    entry.rps += s.value;
    if (s.metric.code_class === "5xx") entry.errors += s.value;
  }
  return [...sums.values()]
    .filter((e) => e.rps > 0)
    .map((e) => ({ sourceCluster: e.source, destinationCluster: e.destination, fqdn: e.fqdn, rps: e.rps, errorRate: rateOf(e) }))
    .sort((a, b) => a.fqdn.localeCompare(b.fqdn) || a.sourceCluster.localeCompare(b.sourceCluster) || a.destinationCluster.localeCompare(b.destinationCluster));
}

/**
 * Per (source cluster, service): the total rate, its 5xx share, and which clusters answered, by share. Requests no
 * cluster answered (destination "unknown": no healthy upstream, reset) count in the total but serve nobody, so the
 * shares then add up to less than 1.
 */
export function servedByOf(flows: readonly TrafficFlow[]): ServedBy[] {
  const rows = new Map<string, ServedBy & { errors: number }>();
  for (const f of flows) {
    const k = key(f.sourceCluster, f.fqdn);
    let row = rows.get(k);
    if (!row) rows.set(k, (row = { sourceCluster: f.sourceCluster, fqdn: f.fqdn, rps: 0, errorRate: 0, servedBy: [], errors: 0 }));
    row.rps += f.rps;
    row.errors += f.rps * f.errorRate;
    if (f.destinationCluster !== UNKNOWN_CLUSTER) row.servedBy.push({ cluster: f.destinationCluster, share: 0, rps: f.rps });
  }
  return [...rows.values()].map(({ errors, ...row }) => ({
    ...row,
    errorRate: rateOf({ rps: row.rps, errors }),
    servedBy: row.servedBy
      .map((s) => ({ ...s, share: s.rps / row.rps }))
      .sort((a, b) => b.share - a.share || a.cluster.localeCompare(b.cluster)),
  }));
}

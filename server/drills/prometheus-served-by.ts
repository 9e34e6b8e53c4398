// "Served by" as Prometheus saw it (issue 13: when Prometheus is configured, its breakdown is recorded too): the
// probe Pod's requests per second by destination cluster, from Istio's standard metric as the probe's own sidecar
// reports it (reporter="source"; a bare Pod's source_workload is its own name). Recorded at three moments: when the
// fault is about to be injected (before), when the restore begins (during), when the drill ends (after).
import type { DrillPhase, ServedByCounts } from "@/lib/drills/schema";
import { FINAL_PHASES } from "@/lib/drills/schema";
import { queryVector, type QueryOptions } from "@/server/traffic/prometheus-client";

export type PrometheusMoment = "before" | "during" | "after";

/** The moment a phase change records, if any. */
export function momentOf(from: DrillPhase | undefined, to: DrillPhase | undefined): PrometheusMoment | undefined {
  if (from === to || to === undefined) return undefined;
  if (to === "Injecting") return "before";
  if (to === "Restoring" && (from === "Injecting" || from === "Observing")) return "during";
  if (from === "Restoring" && FINAL_PHASES.includes(to)) return "after";
  return undefined;
}

export const servedByQuery = (namespace: string, probe: string, window = "30s") =>
  `sum by (destination_cluster) (rate(istio_requests_total{reporter="source", source_workload_namespace="${namespace}", source_workload="${probe}"}[${window}]))`;

export type ServedByQuery = (namespace: string, probe: string) => Promise<ServedByCounts | undefined>;

/** Requests/s per destination cluster (to the hundredth); undefined when Prometheus did not answer. */
export function prometheusServedBy(baseUrl: string, options: Partial<QueryOptions> = {}): ServedByQuery {
  return async (namespace, probe) => {
    const result = await queryVector(baseUrl, servedByQuery(namespace, probe), { timeoutMs: 3_000, maxBytes: 1024 * 1024, ...options });
    if (!result.ok) return undefined;
    const counts: ServedByCounts = {};
    for (const s of result.samples) counts[s.metric.destination_cluster || "unknown"] = Math.round(s.value * 100) / 100;
    return counts;
  };
}

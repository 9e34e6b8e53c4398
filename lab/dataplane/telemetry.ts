// Istio's standard metrics for one cluster, in Prometheus text format (prom-client 15). Istio's proxies count every
// request twice: the caller's sidecar with reporter="source" and the server's with reporter="destination"; each
// counts into the telemetry of its own cluster, so the same request shows in both clusters' scrapes. "Which
// cluster served" is `destination_cluster` of reporter="source" rates (docs: Istio "Standard Metrics").
//
// One Registry per cluster, never prom-client's global default: several labs (and tests) run in one process, and
// each cluster's endpoint must expose only its own proxies' counts.
import { Counter, Histogram, Registry } from "prom-client";
import type { RequestSample, Telemetry } from "./types";

/** Istio's default buckets for istio_request_duration_milliseconds (proxy's stats filter). */
export const ISTIO_DURATION_BUCKETS_MS = [
  0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000,
];

const LABELS = [
  "reporter",
  "source_cluster",
  "source_workload",
  "source_workload_namespace",
  "destination_cluster",
  "destination_service",
  "destination_workload",
  "destination_workload_namespace",
  "request_protocol",
  "response_code",
  "response_flags",
] as const;

type Label = (typeof LABELS)[number];

/** One cluster's Telemetry; `cluster` names whose proxies report into it. */
export interface ClusterTelemetry extends Telemetry {
  readonly cluster: string;
  /** What a scrape answers with (`text/plain; version=0.0.4; charset=utf-8`). */
  readonly contentType: string;
}

/** Envoy writes "unknown" for a label it cannot fill; an empty label would read as "no label" to Prometheus. */
function value(text: string): string {
  return text === "" ? "unknown" : text;
}

function labelsOf(sample: RequestSample): Record<Label, string> {
  return {
    reporter: sample.reporter,
    source_cluster: value(sample.sourceCluster),
    source_workload: value(sample.sourceWorkload),
    source_workload_namespace: value(sample.sourceWorkloadNamespace),
    destination_cluster: value(sample.destinationCluster),
    destination_service: value(sample.destinationService),
    destination_workload: value(sample.destinationWorkload),
    destination_workload_namespace: value(sample.destinationWorkloadNamespace),
    // The lab's mesh speaks HTTP/1.1 only; Istio reports "http" for it (and "grpc"/"tcp" for other protocols).
    request_protocol: "http",
    // Istio reports response_code "0" when there was no HTTP response at all (reset, refused).
    response_code: String(sample.responseCode),
    response_flags: value(sample.responseFlags),
  };
}

export function createTelemetry(cluster: string): ClusterTelemetry {
  const registry = new Registry();
  const requests = new Counter<Label>({
    name: "istio_requests_total",
    help: "Total number of requests handled by an Istio proxy",
    labelNames: LABELS,
    registers: [registry],
  });
  const duration = new Histogram<Label>({
    name: "istio_request_duration_milliseconds",
    help: "Duration of requests handled by an Istio proxy, in milliseconds",
    labelNames: LABELS,
    buckets: ISTIO_DURATION_BUCKETS_MS,
    registers: [registry],
  });
  return {
    cluster,
    contentType: registry.contentType,
    record(sample) {
      const labels = labelsOf(sample);
      requests.inc(labels);
      duration.observe(labels, Math.max(0, sample.durationMs));
    },
    text: () => registry.metrics(),
  };
}

// The Prometheus configuration that scrapes a lab's per-cluster metrics endpoints (pure: prometheus.ts writes it
// and starts the server). One job, one static target per cluster, each labelled `cluster` with the cluster's name
// (as a per-cluster Prometheus or a federation would label it). `__metrics_path__` on a target sets the path
// Prometheus scrapes for it, so each endpoint's own path is kept (/metrics or Istio's /stats/prometheus).
import { stringify } from "yaml";

export interface ScrapeTarget {
  cluster: string;
  /** The endpoint as printed: `http://127.0.0.1:41234/metrics`. */
  url: string;
}

export interface PrometheusConfigOptions {
  /** Scrape (and rule evaluation) interval in seconds; the lab's test and demo use 1 s so rates show at once. */
  intervalSeconds?: number;
  jobName?: string;
}

/** The static target of one metrics URL: host:port, its path and the cluster label; throws on a non-http URL. */
export function staticConfigOf(target: ScrapeTarget): { targets: string[]; labels: Record<string, string> } {
  const url = new URL(target.url);
  if (url.protocol !== "http:") throw new Error(`prometheus: ${target.cluster}'s metrics URL must be http:// (got ${target.url})`);
  const port = url.port || "80";
  return { targets: [`${url.hostname}:${port}`], labels: { cluster: target.cluster, __metrics_path__: url.pathname || "/metrics" } };
}

/** prometheus.yml as an object (see `prometheusConfigYaml`). */
export function prometheusConfig(targets: ScrapeTarget[], options: PrometheusConfigOptions = {}): Record<string, unknown> {
  const interval = `${options.intervalSeconds ?? 1}s`;
  return {
    global: { scrape_interval: interval, evaluation_interval: interval, scrape_timeout: interval },
    scrape_configs: [
      {
        job_name: options.jobName ?? "eastwest-lab-mesh",
        scrape_interval: interval,
        static_configs: targets.map(staticConfigOf),
      },
    ],
  };
}

export function prometheusConfigYaml(targets: ScrapeTarget[], options: PrometheusConfigOptions = {}): string {
  return stringify(prometheusConfig(targets, options));
}

/** `{west: url, east: url}` (a lab's `dataPlane.metricsUrls`) as scrape targets, in a stable order. */
export function targetsOf(metricsUrls: Record<string, string>): ScrapeTarget[] {
  return Object.entries(metricsUrls)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cluster, url]) => ({ cluster, url }));
}

// GET /api/metrics: Prometheus text (server/metrics/collector.ts). proxy.ts applies the Host check to it as to
// every route; a GET changes nothing, so no CSRF header is asked for.
import { metricsText } from "@/server/metrics/process-metrics";
import { PROMETHEUS_CONTENT_TYPE } from "@/server/metrics/prometheus-text";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response(metricsText(), { headers: { "Content-Type": PROMETHEUS_CONTENT_TYPE, "Cache-Control": "no-store" } });
}

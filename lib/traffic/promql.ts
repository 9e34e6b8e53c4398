// The one PromQL query behind the traffic view. Istio's proxies count each request twice (the caller's sidecar with
// reporter="source", the server's with reporter="destination"); only the caller's count knows which cluster the
// request went to *from where*, and it also counts requests no server ever saw (no healthy upstream, reset), so
// rates are read from reporter="source" only. `destination_cluster` is the cluster whose proxy answered: "which
// cluster served" (Istio "Standard Metrics"). The response code is folded into its class (2xx … 5xx, "0xx" for no
// response at all) by label_replace, so one query returns both the request rate and the 5xx share per flow.

/** The range every rate is taken over: "in the last minute". */
export const TRAFFIC_WINDOW = "1m";

/** The labels each sample of the query carries (and nothing else: `sum by` drops the rest). */
export const FLOW_LABELS = ["source_cluster", "destination_cluster", "destination_service", "code_class"] as const;

/** Requests per second over the window per (source cluster, destination cluster, service, response-code class). */
export function flowQuery(window: string = TRAFFIC_WINDOW): string {
  const rate = `rate(istio_requests_total{reporter="source"}[${window}])`;
  // response_code "503" → code_class "5xx"; "0" (Envoy: no response) → "0xx".
  const classed = `label_replace(${rate}, "code_class", "\${1}xx", "response_code", "([0-9]).*")`;
  return `sum by (${FLOW_LABELS.join(", ")}) (${classed})`;
}

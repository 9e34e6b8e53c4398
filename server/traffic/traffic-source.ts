// The one traffic view of the process: Prometheus is asked at most once per `maxAgeMs` whatever the number of
// pages polling (single-flight: callers during a query share it; callers after it share its result until it is
// stale). A Prometheus that does not answer is cached the same way, so a dead one is not hammered by every tab.
// Nothing runs between requests: with nobody looking, Prometheus is not asked.
import { flowsOf, servedByOf } from "@/lib/traffic/from-vector";
import { flowQuery, TRAFFIC_WINDOW } from "@/lib/traffic/promql";
import type { TrafficView } from "@/lib/traffic/types";
import { endpointOf, queryVector } from "./prometheus-client";

export type TrafficSourceOptions = {
  /** Prometheus's base URL; undefined: not configured. */
  url: string | undefined;
  maxAgeMs?: number;
  timeoutMs?: number;
  maxBytes?: number;
  fetch?: typeof fetch;
  now?: () => number;
};

export type TrafficSource = { view(): Promise<TrafficView> };

export const TRAFFIC_MAX_AGE_MS = 5_000;
export const TRAFFIC_TIMEOUT_MS = 3_000;
/** ~10k flows of a few hundred bytes each: far beyond the labels one query can carry for a real fleet. */
export const TRAFFIC_MAX_BYTES = 4 * 1024 * 1024;

/** The URL as a page may show it: never the credentials a URL can carry. */
export function shownUrl(url: string): string {
  const { url: endpoint } = endpointOf(url);
  return `${endpoint.origin}${endpoint.pathname.replace(/\/api\/v1\/query$/, "")}`;
}

export function createTrafficSource(options: TrafficSourceOptions): TrafficSource {
  const now = options.now ?? Date.now;
  const maxAgeMs = options.maxAgeMs ?? TRAFFIC_MAX_AGE_MS;
  let last: { at: number; view: TrafficView } | undefined;
  let inFlight: Promise<TrafficView> | undefined;

  async function ask(url: string): Promise<TrafficView> {
    const at = new Date(now()).toISOString();
    const result = await queryVector(url, flowQuery(), {
      timeoutMs: options.timeoutMs ?? TRAFFIC_TIMEOUT_MS,
      maxBytes: options.maxBytes ?? TRAFFIC_MAX_BYTES,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    if (!result.ok) return { status: { state: "down", message: `Prometheus at ${shownUrl(url)} does not answer the traffic query: ${result.message}.` }, servedBy: [], flows: [], at };
    const flows = flowsOf(result.samples);
    return { status: { state: "ok", window: TRAFFIC_WINDOW }, servedBy: servedByOf(flows), flows, at };
  }

  return {
    view() {
      const url = options.url;
      if (url === undefined) return Promise.resolve({ status: { state: "not-configured" }, servedBy: [], flows: [], at: new Date(now()).toISOString() });
      if (last && now() - last.at < maxAgeMs) return Promise.resolve(last.view);
      inFlight ??= ask(url)
        .then((view) => {
          last = { at: now(), view };
          return view;
        })
        .finally(() => {
          inFlight = undefined;
        });
      return inFlight;
    },
  };
}

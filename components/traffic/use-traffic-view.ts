"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../trpc";

/**
 * Every 5 s while the page is visible: the server asks Prometheus at most once per 5 s for every tab together
 * (server/traffic/traffic-source.ts), and a rate over the last minute moves slowly; a hidden tab does not poll
 * (React Query pauses refetchInterval in the background).
 */
export const TRAFFIC_POLL_MS = 5_000;

/** A bad name never turns into a good one: do not retry client errors. */
function retry(count: number, error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus ?? 0;
  return status >= 400 && status < 500 ? false : count < 2;
}

/** The traffic view (of one workspace's services, or all), polled while visible; not polled once "not configured". */
export function useTrafficView(workspace?: string) {
  const trpc = useTRPC();
  return useQuery(
    trpc.traffic.view.queryOptions(workspace === undefined ? {} : { workspace }, {
      retry,
      // The configuration is read at start-up: a console without Prometheus will not get one until restarted.
      refetchInterval: (query) => (query.state.data?.status.state === "not-configured" ? false : TRAFFIC_POLL_MS),
      refetchIntervalInBackground: false,
    }),
  );
}

"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { liveStateOf, type LiveState } from "../use-fleet-stream";
import { useThrottled } from "../use-throttled";
import { useTRPC } from "../trpc";
import { replaceUrlQuery } from "../replace-url-query";
import { readUrlState, writeUrlState, type TopologyUrlState } from "./url-state";

/** Changes can come several a second while a lab settles; one refetch a second is plenty for a picture. */
const REFETCH_GAP_MS = 1000;

/** A bad workspace name never turns into a good one: do not retry client errors. */
function retry(count: number, error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus ?? 0;
  return status >= 400 && status < 500 ? false : count < 2;
}

/**
 * The visible graph for these open groups. While a new answer loads (a group just opened) the previous one stays
 * on screen, so the canvas never blanks.
 */
export function useTopologyGraph(workspace: string | undefined, expanded: readonly string[]) {
  const trpc = useTRPC();
  return useQuery(trpc.topology.graph.queryOptions({ workspace, expanded: [...expanded] }, { retry, placeholderData: keepPreviousData }));
}

/**
 * Keeps the graph and the table live: the server says when the topology's data changed (`topology.onChange`, with
 * the graph's version), and each signal schedules one refetch of every topology query, at most one a second.
 */
export function useTopologyLive(workspace: string | undefined): LiveState {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const throttle = useThrottled(REFETCH_GAP_MS);
  const [wasLive, setWasLive] = useState(false);
  const refetch = () => throttle(() => void queryClient.invalidateQueries({ queryKey: trpc.topology.pathKey() }));
  const sub = useSubscription(trpc.topology.onChange.subscriptionOptions({ workspace }, { onStarted: () => setWasLive(true), onData: refetch }));
  return liveStateOf(sub.status, wasLive);
}

/** The page's state from its URL, and a setter that replaces the URL (no history entry per click). */
export function useTopologyUrl(): [TopologyUrlState, (change: Partial<TopologyUrlState>) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const state = useMemo(() => readUrlState(new URLSearchParams(params.toString())), [params]);
  const update = useCallback(
    (change: Partial<TopologyUrlState>) => {
      const next = writeUrlState(new URLSearchParams(params.toString()), { ...state, ...change });
      const query = next.toString();
      replaceUrlQuery(pathname, query);
    },
    [params, pathname, state],
  );
  return [state, update];
}

"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import type { StateCounts } from "@/lib/topology/types";
import { useTRPC } from "../trpc";
import { useThrottled } from "../use-throttled";

const REFETCH_GAP_MS = 2000;

/**
 * Failover-state counts per cluster, from the topology graph with every group collapsed (its cluster nodes carry
 * them): the same figures the topology page draws. Refetched, at most every two seconds, whenever `changed` is a
 * new value — the page passes what its own live stream updates, so no second stream is opened for this.
 */
export function useFailoverCounts(changed: unknown): { counts: ReadonlyMap<string, StateCounts> | undefined; error: unknown } {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const throttle = useThrottled(REFETCH_GAP_MS);
  const { data, error } = useQuery(trpc.topology.graph.queryOptions({ expanded: [] }));
  const first = useRef(changed);
  useEffect(() => {
    // The first value is what the graph was just fetched for.
    if (Object.is(changed, first.current)) return;
    throttle(() => void queryClient.invalidateQueries({ queryKey: trpc.topology.graph.queryKey({ expanded: [] }) }));
  }, [changed, throttle, queryClient, trpc]);
  const counts = useMemo(() => (data ? new Map(data.nodes.flatMap((n) => (n.kind === "cluster" ? [[n.cluster, n.counts] as const] : []))) : undefined), [data]);
  return { counts, error };
}

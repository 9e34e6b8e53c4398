"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { FleetEvent } from "@/lib/fleet-schema";
import { useTRPC } from "../trpc";
import { useFleetStream, type LiveState } from "../use-fleet-stream";
import { useThrottled } from "../use-throttled";

/** Fleet events arrive up to ten a second; one refetch a second keeps the page current without a storm. */
const REFETCH_GAP_MS = 1000;

/** Whether the event can change this cluster's page: its own status (which moves with its objects), or a reset. */
export function touches(event: FleetEvent, cluster: string): boolean {
  switch (event.type) {
    case "cluster-updated":
      return event.status.cluster === cluster;
    case "clusters-updated":
      return event.statuses.some((s) => s.cluster === cluster);
    case "fleet-reset":
      return true;
  }
}

/**
 * The cluster page's live data: its detail is refetched when the fleet stream says the cluster changed; the
 * failover counts whenever the fleet moves, since a service here fails over according to other clusters too.
 */
export function useClusterLive(cluster: string): LiveState {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detail = useThrottled(REFETCH_GAP_MS);
  const graph = useThrottled(REFETCH_GAP_MS);
  return useFleetStream((event) => {
    if (touches(event, cluster)) detail(() => void queryClient.invalidateQueries({ queryKey: trpc.clusters.detail.queryKey({ cluster }) }));
    graph(() => void queryClient.invalidateQueries({ queryKey: trpc.topology.graph.queryKey({ expanded: [] }) }));
  });
}

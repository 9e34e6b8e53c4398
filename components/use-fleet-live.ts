"use client";

import { useQueryClient } from "@tanstack/react-query";
import { applyFleetEvent } from "@/lib/fleet-reducer";
import type { FleetEvent } from "@/lib/fleet-schema";
import { useTRPC } from "./trpc";
import { useFleetStream, type LiveState } from "./use-fleet-stream";
import { useThrottled } from "./use-throttled";

export type { LiveState } from "./use-fleet-stream";

/** Fleet events arrive up to ten a second; one refetch of the workspace list a second is plenty. */
const LIST_REFETCH_GAP_MS = 1000;

/**
 * The overview's live data: folds the fleet change stream into the React Query cache of `fleet.clusters`, with
 * the same reducer the server uses, and refetches the workspace list (gateways, readiness) when the fleet moves.
 */
export function useFleetLive(): LiveState {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const throttle = useThrottled(LIST_REFETCH_GAP_MS);
  const key = trpc.fleet.clusters.queryKey();
  return useFleetStream((event) => {
    queryClient.setQueryData(key, (old) => applyFleetEvent(old, event));
    throttle(() => void queryClient.invalidateQueries({ queryKey: trpc.workspace.list.queryKey() }));
  });
}

/** The same fold for results that arrive outside the stream (a mutation's response). */
export function useFoldFleetEvent() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (event: FleetEvent) =>
    queryClient.setQueryData(trpc.fleet.clusters.queryKey(), (old) => applyFleetEvent(old, event));
}

"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { applyFleetEvent } from "@/lib/fleet-reducer";
import type { FleetEvent } from "@/lib/fleet-schema";
import { useTRPC } from "./trpc";

export type LiveState = "connecting" | "live" | "reconnecting" | "offline";

/**
 * Folds the fleet change stream into the React Query cache of `fleet.clusters`, with the
 * same reducer the server uses, and reports the connection state for the header. On a
 * reconnect the SSE link sends the last tracked id back, so the server resumes from there.
 */
export function useFleetLive(): LiveState {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [wasLive, setWasLive] = useState(false);
  const key = trpc.fleet.clusters.queryKey();
  const fold = (event: FleetEvent) => queryClient.setQueryData(key, (old) => applyFleetEvent(old, event));
  const sub = useSubscription(
    trpc.fleet.onChange.subscriptionOptions({}, { onStarted: () => setWasLive(true), onData: (tracked) => fold(tracked.data) }),
  );
  switch (sub.status) {
    case "pending":
      return "live";
    case "error":
      return "offline";
    default:
      return wasLive ? "reconnecting" : "connecting";
  }
}

/** The same fold for results that arrive outside the stream (a mutation's response). */
export function useFoldFleetEvent() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (event: FleetEvent) =>
    queryClient.setQueryData(trpc.fleet.clusters.queryKey(), (old) => applyFleetEvent(old, event));
}

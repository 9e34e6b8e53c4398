"use client";

import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import type { FleetEvent } from "@/lib/fleet-schema";
import { useTRPC } from "./trpc";

export type LiveState = "connecting" | "live" | "reconnecting" | "offline";

/**
 * The fleet change stream (one SSE connection per page) with its connection state for the header. On a
 * reconnect the SSE link sends the last tracked id back, so the server resumes from there. The server pings
 * every 15 s and its `connected` event tells the link to reconnect after 30 s with nothing received (server/trpc.ts),
 * so a half-open connection shows "reconnecting" and resumes instead of freezing. A subscriber that falls too far
 * behind gets a `fleet-reset` with the whole fleet, which the reducer folds like any reset.
 */
export function useFleetStream(onEvent: (event: FleetEvent) => void): LiveState {
  const trpc = useTRPC();
  const [wasLive, setWasLive] = useState(false);
  const sub = useSubscription(
    trpc.fleet.onChange.subscriptionOptions({}, { onStarted: () => setWasLive(true), onData: (tracked) => onEvent(tracked.data) }),
  );
  return liveStateOf(sub.status, wasLive);
}

/** A subscription's status as the header shows it: idle/connecting before the first start, reconnecting after. */
export function liveStateOf(status: string, wasLive: boolean): LiveState {
  switch (status) {
    case "pending":
      return "live";
    case "error":
      return "offline";
    default:
      return wasLive ? "reconnecting" : "connecting";
  }
}

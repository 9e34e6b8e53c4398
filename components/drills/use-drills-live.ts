"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { useTRPC } from "../trpc";
import { liveStateOf, type LiveState } from "../use-fleet-stream";
import { useThrottled } from "../use-throttled";

/** A running drill moves a phase every few seconds: one refetch per half second is live enough and cheap. */
const REFETCH_GAP_MS = 500;

/**
 * Keeps every drill query of the page live: the server says when any drill changed (`drills.onChange`, tracked by
 * the runner's version, so a reconnect resumes and refetches only when something changed meanwhile), and each such
 * signal refetches the drill lists and details in view, at most twice a second. Reports the stream's state.
 */
export function useDrillsLive(): LiveState {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const throttle = useThrottled(REFETCH_GAP_MS);
  const [wasLive, setWasLive] = useState(false);
  const refetch = () =>
    throttle(() => {
      void queryClient.invalidateQueries({ queryKey: trpc.drills.list.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.drills.get.queryKey() });
    });
  const sub = useSubscription(trpc.drills.onChange.subscriptionOptions(undefined, { onStarted: () => setWasLive(true), onData: refetch }));
  return liveStateOf(sub.status, wasLive);
}

/** A bad name never turns into a good one, and a refusal does not go away by asking again: no retry of a 4xx. */
export function retryServerErrors(count: number, error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus ?? 0;
  return status >= 400 && status < 500 ? false : count < 2;
}

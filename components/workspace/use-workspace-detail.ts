"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { detailIsProgressing } from "@/lib/workspace-view/progress";
import { liveStateOf, type LiveState } from "../use-fleet-stream";
import { useThrottled } from "../use-throttled";
import { useTRPC } from "../trpc";

const POLL_MS = 2000;
/** Slice changes can come several a second while gateways start; one refetch a second is plenty for the page. */
const REFETCH_GAP_MS = 1000;

/** A bad name never turns into a good one: do not retry client errors. */
function retry(count: number, error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus ?? 0;
  return status >= 400 && status < 500 ? false : count < 2;
}

/** The workspace detail query, with its options, for every component of the page (shared cache entry). */
export function useWorkspaceDetail(workspace: string, options: { poll?: boolean } = {}) {
  const trpc = useTRPC();
  return useQuery(
    trpc.workspace.detail.queryOptions(
      { workspace },
      {
        retry,
        // Poll while something is moving (gateways starting, services propagating) or a caller waits on progress.
        refetchInterval: (query) => (options.poll || detailIsProgressing(query.state.data) ? POLL_MS : false),
      },
    ),
  );
}

/**
 * Keeps the workspace detail live: the server says when this workspace's slice of the fleet changed
 * (`workspace.onChange`; a probe or another workspace's change says nothing), and each such signal schedules a
 * refetch, at most one per second. The SSE link resumes with the last version it saw, so a reconnect refetches only
 * when something changed meanwhile. Reports the stream's state for the header.
 */
export function useWorkspaceLive(workspace: string): LiveState {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const throttle = useThrottled(REFETCH_GAP_MS);
  const [wasLive, setWasLive] = useState(false);
  const refetch = () => throttle(() => void queryClient.invalidateQueries({ queryKey: trpc.workspace.detail.queryKey({ workspace }) }));
  const sub = useSubscription(trpc.workspace.onChange.subscriptionOptions({ workspace }, { onStarted: () => setWasLive(true), onData: refetch }));
  return liveStateOf(sub.status, wasLive);
}

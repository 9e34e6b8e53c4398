"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "../trpc";
import { useThrottled } from "../use-throttled";

export type AuditRecentInput = { scope: "workspace"; workspace: string } | { scope: "drill"; cluster: string; namespace: string; name: string };

/** Nothing says when a refused write happened (the fleet does not change): look again now and then. */
const POLL_MS = 30_000;
/** A page whose state changes every second (gateways starting) asks the clusters at most this often. */
const REFETCH_GAP_MS = 5_000;

/** A bad name never turns into a good one: do not retry client errors. */
function retry(count: number, error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus ?? 0;
  return status >= 400 && status < 500 ? false : count < 2;
}

/**
 * The audit records of a workspace or a drill (audit.recent). `changed`: a value of the page that moves when the
 * fleet does (the workspace detail's update time, the drill's phase); each new value refetches, throttled, since a
 * write through the console changes it and its record should show without waiting for the poll.
 */
export function useAuditRecent(input: AuditRecentInput, changed: unknown) {
  const trpc = useTRPC();
  const query = useQuery(trpc.audit.recent.queryOptions(input, { retry, refetchInterval: POLL_MS }));
  const throttle = useThrottled(REFETCH_GAP_MS);
  const seen = useRef(changed);
  const { refetch } = query;
  useEffect(() => {
    if (Object.is(seen.current, changed)) return;
    seen.current = changed;
    throttle(() => void refetch());
  }, [changed, throttle, refetch]);
  return query;
}

"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "../../trpc";

const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) => prefix.every((part, i) => JSON.stringify(part) === JSON.stringify(key[i]));

/**
 * Keeps the side panels live with the page: the page refetches its topology queries when the server says the
 * topology changed (use-topology.ts, from topology.onChange); each time a topology query receives new data, the
 * inspect queries are marked stale and the open panel refetches. No stream of its own, no polling.
 */
export function useFollowTopology(): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    const topology = trpc.topology.pathKey();
    const inspect = trpc.inspect.pathKey();
    let lastVersion: unknown;
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== "updated" || event.action.type !== "success" || !startsWith(event.query.queryKey, topology)) return;
      const version = (event.action.data as { version?: unknown } | undefined)?.version;
      if (version === undefined || version === lastVersion) return;
      const first = lastVersion === undefined;
      lastVersion = version;
      if (!first) void queryClient.invalidateQueries({ queryKey: inspect });
    });
  }, [queryClient, trpc]);
}

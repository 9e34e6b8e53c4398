"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { overviewQuery, parseOverviewParams, type OverviewState } from "./overview-state";

/**
 * The overview's filter, sort and view, read from and written to the address bar. The native
 * history.replaceState (which Next's router follows: useSearchParams updates) changes the URL without a server
 * round trip — router.replace would re-render the dynamic page on the server for every tile click — and without a
 * history entry per click, so Back leaves the overview instead of stepping through filters.
 */
export function useOverviewState(): [OverviewState, (change: Partial<OverviewState>) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const state = useMemo(() => parseOverviewParams(params), [params]);
  const update = useCallback(
    (change: Partial<OverviewState>) => window.history.replaceState(null, "", `${pathname}${overviewQuery({ ...state, ...change })}`),
    [pathname, state],
  );
  return [state, update];
}

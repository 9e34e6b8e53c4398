"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { replaceUrlQuery } from "../replace-url-query";
import { overviewQuery, parseOverviewParams, type OverviewState } from "./overview-state";

/** The overview's filter, sort and view, read from and written to the address bar (see replaceUrlQuery). */
export function useOverviewState(): [OverviewState, (change: Partial<OverviewState>) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const state = useMemo(() => parseOverviewParams(params), [params]);
  const update = useCallback(
    (change: Partial<OverviewState>) => replaceUrlQuery(pathname, overviewQuery({ ...state, ...change })),
    [pathname, state],
  );
  return [state, update];
}

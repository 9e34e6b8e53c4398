"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { replaceUrlQuery } from "../replace-url-query";
import { filtersFromParams, paramsOf, type ObjectFilters } from "./filters";

/**
 * The page's filters, read from and written to the URL (replace, not push: typing a search does not fill the
 * history; the URL is what a person shares or reloads). Changing a filter goes back to the first page.
 */
export function useObjectFilters(): { filters: ObjectFilters; update: (change: Partial<ObjectFilters>) => void } {
  const params = useSearchParams();
  const pathname = usePathname();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(params.toString())), [params]);
  // The filters as last asked for: two changes in a row (a cluster, then "generated") must build on each other,
  // not each on the URL of before the first one had landed.
  const latest = useRef(filters);
  useEffect(() => {
    latest.current = filters;
  }, [filters]);
  const update = useCallback(
    (change: Partial<ObjectFilters>) => {
      const next = { ...latest.current, ...change, page: change.page ?? 1 };
      latest.current = next;
      const query = paramsOf(next).toString();
      replaceUrlQuery(pathname, query);
    },
    [pathname],
  );
  return { filters, update };
}

/** tRPC client errors are not retried: a bad filter never turns into a good one. */
export function retryServerErrors(count: number, error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus ?? 0;
  return status >= 400 && status < 500 ? false : count < 2;
}

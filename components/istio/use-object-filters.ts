"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { filtersFromParams, paramsOf, type ObjectFilters } from "./filters";

/**
 * The page's filters, read from and written to the URL (replace, not push: typing a search does not fill the
 * history; the URL is what a person shares or reloads). Changing a filter goes back to the first page.
 */
export function useObjectFilters(): { filters: ObjectFilters; update: (change: Partial<ObjectFilters>) => void } {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(params.toString())), [params]);
  const update = useCallback(
    (change: Partial<ObjectFilters>) => {
      const next = { ...filters, ...change, page: change.page ?? 1 };
      const query = paramsOf(next).toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [filters, pathname, router],
  );
  return { filters, update };
}

/** tRPC client errors are not retried: a bad filter never turns into a good one. */
export function retryServerErrors(count: number, error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus ?? 0;
  return status >= 400 && status < 500 ? false : count < 2;
}

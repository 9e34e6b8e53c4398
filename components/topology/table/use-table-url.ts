"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { replaceUrlQuery } from "../../replace-url-query";
import { readTableState, writeTableState, type TableState } from "./table-url";

/** The table's state from the URL, and a setter that replaces the URL (no history entry per keystroke). */
export function useTableUrl(): [TableState, (next: TableState) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const state = useMemo(() => readTableState(new URLSearchParams(params.toString())), [params]);
  const update = useCallback(
    (next: TableState) => {
      const query = writeTableState(new URLSearchParams(params.toString()), next).toString();
      replaceUrlQuery(pathname, query);
    },
    [params, pathname],
  );
  return [state, update];
}

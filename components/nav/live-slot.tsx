"use client";

import { createContext, useContext, useLayoutEffect, useState, type ReactNode } from "react";
import { LiveIndicator } from "../live-indicator";
import type { LiveState } from "../use-fleet-live";

type Entry = { owner: object; state: LiveState };
type Report = (owner: object, state: LiveState | undefined) => void;

// Two contexts: the reporters hold only the stable setter, so a change of state re-renders the slot alone.
const ReportContext = createContext<Report>(() => {});
const EntryContext = createContext<Entry | null>(null);

/**
 * The frame's header is in the root layout, but the live stream belongs to the page (the overview watches the
 * fleet, a workspace its slice). A page reports its stream's state here; the header shows it.
 */
export function LiveSlotProvider({ children }: { children: ReactNode }) {
  const [entry, setEntry] = useState<Entry | null>(null);
  const [report] = useState<Report>(() => (owner: object, state: LiveState | undefined) =>
    // Only the page that reported may clear: on a navigation the next page's report can land before the old
    // page's cleanup, and must not be wiped by it.
    setEntry((old) => (state ? { owner, state } : old?.owner === owner ? null : old)),
  );
  return (
    <ReportContext.Provider value={report}>
      <EntryContext.Provider value={entry}>{children}</EntryContext.Provider>
    </ReportContext.Provider>
  );
}

/** Called by a page with its live state (undefined: the page has no stream); withdrawn when the page unmounts. */
export function useReportLive(state: LiveState | undefined): void {
  const report = useContext(ReportContext);
  const [owner] = useState(() => ({}));
  // Before paint, so the header never shows the previous page's state after a navigation.
  useLayoutEffect(() => report(owner, state), [report, owner, state]);
  useLayoutEffect(() => () => report(owner, undefined), [report, owner]);
}

/** Where the header shows the current page's live state, if it has one. */
export function LiveSlot() {
  const entry = useContext(EntryContext);
  return entry ? <LiveIndicator state={entry.state} /> : null;
}

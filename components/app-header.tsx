"use client";

import { useReportLive } from "./nav/live-slot";
import type { LiveState } from "./use-fleet-live";

/**
 * A page's part of the console's header: the frame (components/nav/app-frame.tsx, in the root layout) draws the
 * header with the navigation; a page tells it the state of its live stream, which the header then shows.
 */
export function AppHeader({ live }: { live?: LiveState }) {
  useReportLive(live);
  return null;
}

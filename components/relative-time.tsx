"use client";

import { formatAge, formatClock } from "@/lib/format";
import { useNow } from "./use-now";

/** "2026-12-05 14:03:05 UTC": the full absolute time, the same on server and browser (so hydration agrees). */
export function absoluteUtc(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "unknown time" : `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/**
 * The console's one way to show a time: a <time> with its machine-readable dateTime, the relative age as text
 * ("3m ago", kubectl's units) or, where a sentence says "since", the UTC clock; the full absolute UTC time on
 * hover (title) and on keyboard focus (the .timestamp tooltip in globals.css, from data-utc). Ages tick with the
 * shared one-second clock; before hydration they read as of the time itself, as the server rendered them.
 */
export function RelativeTime({ iso, suffix = "", display = "age" }: { iso: string; suffix?: string; display?: "age" | "clock" }) {
  const now = useNow();
  const utc = absoluteUtc(iso);
  const text = display === "clock" ? formatClock(iso) : formatAge(iso, now ?? new Date(iso));
  return (
    // Focusable so a keyboard user can read the absolute time too; title carries it to screen readers.
    <time dateTime={iso} title={utc} data-utc={utc} tabIndex={0} className="timestamp">
      {text}
      {suffix}
    </time>
  );
}

import type { LiveState } from "./use-fleet-live";

const LOOK: Record<LiveState, { label: string; dot: string; ring: string }> = {
  live: { label: "Live", dot: "bg-emerald-400", ring: "border-emerald-400/40 text-emerald-100" },
  connecting: { label: "Connecting…", dot: "bg-slate-400", ring: "border-slate-500 text-slate-300" },
  reconnecting: { label: "Reconnecting…", dot: "bg-amber-400", ring: "border-amber-400/50 text-amber-100" },
  offline: { label: "Offline", dot: "bg-rose-500", ring: "border-rose-400/50 text-rose-100" },
};

/** The state of the live update stream, in words (a status region, so changes are announced). */
export function LiveIndicator({ state }: { state: LiveState }) {
  const look = LOOK[state];
  return (
    <p
      role="status"
      aria-label={`Live updates: ${look.label.replace("…", "")}`}
      className={`inline-flex items-center gap-2 rounded-full border px-3 py-1 text-xs font-medium ${look.ring}`}
    >
      <span className="relative flex size-2">
        {state === "live" && <span className={`absolute inline-flex size-full animate-ping rounded-full opacity-60 ${look.dot}`} />}
        <span className={`relative inline-flex size-2 rounded-full ${look.dot}`} />
      </span>
      {look.label}
    </p>
  );
}

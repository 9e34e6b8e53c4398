import type { ClusterStatus, SyncState } from "@/lib/fleet-schema";
import { CheckIcon, CrossIcon } from "./icons";

/** Reachability in words and colour, never colour alone. */
export function ClusterStatusBadge({ status }: { status: ClusterStatus }) {
  return status.ok ? (
    <span className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2.5 py-1 text-xs font-semibold text-emerald-700 ring-1 ring-emerald-600/20 ring-inset">
      <CheckIcon className="size-3.5" />
      Reachable
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 rounded-full bg-rose-50 px-2.5 py-1 text-xs font-semibold text-rose-700 ring-1 ring-rose-600/20 ring-inset">
      <CrossIcon className="size-3.5" />
      Unreachable
    </span>
  );
}

export function ManagementBadge() {
  return (
    <span
      title="The console's management cluster: where its own objects live"
      className="rounded-md bg-indigo-50 px-2 py-0.5 text-[11px] font-semibold tracking-wide text-indigo-700 uppercase ring-1 ring-indigo-600/20 ring-inset"
    >
      Management
    </span>
  );
}

const SYNC_LOOK: Record<SyncState, { label: string; look: string; title: string }> = {
  synced: { label: "Synced", look: "bg-slate-50 text-slate-600 ring-slate-500/20", title: "Every kind listed and watched" },
  syncing: { label: "Syncing", look: "bg-amber-50 text-amber-800 ring-amber-600/25", title: "Listing the cluster's objects" },
  stale: { label: "Stale", look: "bg-rose-600 text-white ring-rose-700", title: "Showing the last known objects" },
};

const NEVER_SYNCED = { label: "Not yet synced", look: "bg-rose-600 text-white ring-rose-700", title: "Never listed since the console started: nothing is known of its objects" };

/** Whether the cached objects are current, in words; `everSynced: false` — nothing cached at all, not stale data. */
export function SyncBadge({ state, everSynced = true }: { state: SyncState; everSynced?: boolean }) {
  const { label, look, title } = state === "stale" && !everSynced ? NEVER_SYNCED : SYNC_LOOK[state];
  return (
    <span title={title} className={`rounded-full px-2 py-0.5 text-[11px] font-semibold ring-1 ring-inset ${look}`}>
      {label}
    </span>
  );
}

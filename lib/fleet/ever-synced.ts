// Whether the console has ever seen a cluster whole since it started. A cluster it never listed completely (cut
// off before a restart, or still on its first list) has empty object maps because nothing was seen: every view
// must say "not known yet", never "none", and offer nothing to do there.
import { formatClock } from "@/lib/format";
import type { ClusterSnapshot } from "./snapshot-types";

/** Synced now, or fully listed at least once by this process (a later failure keeps the last known objects). */
export function everSynced(cluster: Pick<ClusterSnapshot, "state" | "lastSyncAt">): boolean {
  return cluster.state === "synced" || cluster.lastSyncAt !== undefined;
}

/** "never reached since the console started at 14:03:05 UTC" (the time it started watching the cluster). */
export function neverReachedPhrase(watchingSince: string | null | undefined): string {
  return watchingSince ? `never reached since the console started at ${formatClock(watchingSince)}` : "never reached since the console started";
}

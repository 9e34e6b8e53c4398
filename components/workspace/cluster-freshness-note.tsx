import { neverReachedPhrase } from "@/lib/fleet/ever-synced";
import type { ClusterFreshness } from "@/lib/workspace-view/types";
import { RelativeTime } from "../relative-time";

/**
 * Why a cluster's card cannot be trusted right now. Stale: the last known state, since when. Never synced since
 * the console started: there is no last known state, so the card claims nothing about the cluster.
 */
export function ClusterFreshnessNote({ freshness, age }: { freshness: ClusterFreshness; age: (iso: string) => string }) {
  if (!freshness.everSynced && freshness.state === "syncing") {
    return (
      <div className="mx-5 mt-3 rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900">
        <p className="font-semibold">Not yet synced: listing the cluster for the first time</p>
        <p className="mt-0.5">Its namespaces and gateways are unknown until the list completes.</p>
      </div>
    );
  }
  if (!freshness.everSynced && freshness.state === "stale") {
    return (
      <div className="mx-5 mt-3 rounded-lg bg-rose-50 px-3 py-2 text-xs text-rose-900">
        <p className="font-semibold">
          Not yet synced: {neverReachedPhrase(freshness.watchingSince)}
          {freshness.watchingSince && <> (for {age(freshness.watchingSince)})</>}
        </p>
        <p className="mt-0.5">
          {freshness.state === "stale" && freshness.reason ? `${freshness.reason} ` : ""}Its namespaces and gateways are unknown until it answers; no
          writes go to it.
        </p>
      </div>
    );
  }
  if (freshness.state !== "stale") return null;
  return (
    <div className="mx-5 mt-3 rounded-lg bg-rose-50 px-3 py-2 text-xs text-rose-900">
      <p className="font-semibold">
        Stale
        {freshness.staleSince && (
          <>
            {" "}
            since <RelativeTime iso={freshness.staleSince} display="clock" /> (for {age(freshness.staleSince)})
          </>
        )}
      </p>
      <p className="mt-0.5">{freshness.reason ?? "The cluster is not answering."} Showing the last known state; no writes go to it.</p>
    </div>
  );
}

import type { ClusterErrorReason, ClusterErrorView, ClusterStatus } from "@/lib/fleet-schema";
import { neverReachedPhrase } from "@/lib/fleet/ever-synced";
import { RelativeTime } from "./relative-time";

const REASON: Record<ClusterErrorReason, string> = {
  refused: "Connection refused",
  timeout: "No answer",
  unauthorized: "Credentials rejected",
  forbidden: "Access denied",
  tls: "TLS error",
  dns: "Host not found",
  unknown: "Error",
};

/** What is wrong with the cluster, if anything: the probe's failure first, else the cache's. */
export function clusterProblem(status: ClusterStatus): ClusterErrorView | null {
  if (!status.ok) return status.error;
  return status.sync.state === "stale" ? status.sync.error : null;
}

/** The card's middle panel: healthy, syncing, or stale with the reason and since when. */
export function ClusterProblem({ status, age }: { status: ClusterStatus; age: (iso: string) => string }) {
  const problem = clusterProblem(status);
  const { sync } = status;
  if (problem) {
    return (
      <div className="mx-5 mt-4 rounded-lg bg-rose-50 px-3 py-2.5 text-sm text-rose-900">
        <p className="font-semibold">{REASON[problem.reason]}</p>
        <p className="mt-0.5 text-rose-800">{problem.message}</p>
        {!sync.everSynced ? (
          <p className="mt-2 text-xs text-rose-700">
            Not yet synced: {neverReachedPhrase(sync.watchingSince)}
            {sync.watchingSince && <> (for {age(sync.watchingSince)})</>}; nothing is known of its objects yet.
          </p>
        ) : sync.state === "stale" && sync.staleSince && (
          <p className="mt-2 text-xs text-rose-700">
            Stale since <RelativeTime iso={sync.staleSince} display="clock" /> (for {age(sync.staleSince)}); showing the last known
            objects.
          </p>
        )}
      </div>
    );
  }
  if (sync.state === "syncing") {
    return (
      <div className="mx-5 mt-4 rounded-lg bg-amber-50 px-3 py-2.5 text-sm text-amber-900">
        <p className="font-semibold">Syncing</p>
        <p className="mt-0.5 text-amber-800">Listing the cluster&apos;s objects; counts fill in as they arrive.</p>
      </div>
    );
  }
  return (
    <div className="mx-5 mt-4 rounded-lg bg-emerald-50/70 px-3 py-2.5 text-sm text-emerald-900">
      <p className="font-semibold">Healthy</p>
      <p className="mt-0.5 text-emerald-800">
        Watching every kind
        {sync.lastChangeAt && (
          <>
            ; last change <RelativeTime iso={sync.lastChangeAt} suffix=" ago" />
          </>
        )}
        .
      </p>
    </div>
  );
}

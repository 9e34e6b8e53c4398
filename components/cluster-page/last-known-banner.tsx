import type { ClusterDetail } from "@/server/clusters/types";
import { ClusterProblem } from "../cluster-problem";
import { RelativeTime } from "../relative-time";
import { useNow } from "../use-now";
import { formatAge } from "@/lib/format";

/**
 * What is wrong with the cluster (the overview card's problem panel), and — when it cannot be seen now — a plain
 * statement that everything below is the last known state, as of when, so nobody reads old data as current.
 */
export function LastKnownBanner({ detail }: { detail: ClusterDetail }) {
  const now = useNow();
  const age = (iso: string) => formatAge(iso, now ?? new Date(iso));
  const { status } = detail;
  const asOf = status.sync.lastChangeAt ?? status.sync.lastSyncAt;
  return (
    <div className={`mb-6 rounded-xl border bg-white pb-4 shadow-sm ${detail.lastKnown ? "border-rose-200" : "border-slate-200"}`}>
      {detail.lastKnown && (
        <p role="note" className="mx-5 mt-4 text-sm font-semibold text-rose-800">
          {detail.known ? (
            <>
              Stale: showing the last known state of {status.cluster}
              {asOf && (
                <>
                  {" "}
                  (as of <RelativeTime iso={asOf} suffix=" ago" />)
                </>
              )}
              , not what it holds now.
            </>
          ) : (
            <>Nothing is known of {status.cluster}&apos;s objects yet: it has not been listed since the console started.</>
          )}
        </p>
      )}
      <ClusterProblem status={status} age={age} />
    </div>
  );
}

import type { TopologyGraph } from "@/lib/topology/types";
import { RelativeTime } from "../relative-time";
import { StateCounts } from "./state-counts";
import type { TopologyView } from "./url-state";
import { ViewToggle } from "./view-toggle";

type Props = { workspace?: string; graph?: TopologyGraph; view: TopologyView; onView: (view: TopologyView) => void };

/** The page's title, what it shows, the totals per failover state, and the Graph | Table switch. */
export function TopologyHeading({ workspace, graph, view, onView }: Props) {
  return (
    <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{workspace ? `Topology of ${workspace}` : "Topology"}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {workspace ? `Where ${workspace}'s services run, ` : "Where every service of the fleet runs, "}
          who can reach them through which east-west gateway, and their failover state, live.
          {graph && (
            <>
              {" "}
              Computed <RelativeTime iso={graph.computedAt} suffix=" ago" />.
            </>
          )}
        </p>
        {graph && !graph.empty && <StateCounts counts={graph.counts} className="mt-2" />}
      </div>
      <ViewToggle view={view} onChange={onView} />
    </div>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../trpc";
import { ErrorAlert } from "../../workspace/error-alert";
import { retryServerErrors, type WhatIfRemoval, type WhatIfResult } from "../panel/inspect-types";
import { SidePanel } from "../panel/side-panel";
import { useFollowTopology } from "../panel/use-follow-topology";
import { WhatIfGroups } from "./what-if-groups";

/** What the removal means, in one line. */
function removalLine(removal: WhatIfRemoval): string {
  switch (removal.kind) {
    case "cluster":
      return `If cluster ${removal.cluster} went down now: its gateways accept nothing and its instances answer nothing.`;
    case "gateway":
      return `If the east-west gateway ${removal.namespace}/${removal.name} in ${removal.cluster} were gone now: no other cluster could reach ${removal.cluster}'s services through it.`;
    case "instance":
      return `If ${removal.fqdn} in ${removal.cluster} had no ready endpoint now.`;
  }
}

function Totals({ result }: { result: WhatIfResult }) {
  if (result.changed === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white px-3 py-3 text-sm text-slate-700">
        Nothing would change: every service keeps its state and its failover targets.
      </p>
    );
  }
  return (
    <p className="text-sm text-slate-800">
      {result.changed} service{result.changed === 1 ? "" : "s"} would change state
      {result.unavailable > 0 ? (
        <>
          , <span className="font-semibold text-rose-700">{result.unavailable} would become Unavailable</span>
        </>
      ) : null}
      .
    </p>
  );
}

/**
 * "What if this failed now": every failover state recomputed with the same lib/failover function on the fleet with
 * the part removed. Nothing is injected; the page and the clusters are untouched.
 */
export function WhatIfPanel(props: { workspace?: string; removal: WhatIfRemoval; onClose: () => void }) {
  const { workspace, removal, onClose } = props;
  const trpc = useTRPC();
  useFollowTopology();
  const query = useQuery(trpc.inspect.whatIf.queryOptions({ workspace, removal }, { retry: retryServerErrors }));
  const result = query.data;
  return (
    <SidePanel label="What if this failed" title={`What if: ${result?.removalWords ?? removal.cluster}`} description={removalLine(removal)} onClose={onClose}>
      {result ? (
        <div className="space-y-4">
          <Totals result={result} />
          <WhatIfGroups result={result} />
          <p className="text-xs text-slate-500">Computed from the fleet as the console sees it now; nothing was injected into any cluster.</p>
        </div>
      ) : query.isError ? (
        <ErrorAlert title="The impact could not be computed" error={query.error} />
      ) : (
        <p aria-busy="true" className="text-sm text-slate-600">
          Recomputing every failover state without it…
        </p>
      )}
    </SidePanel>
  );
}

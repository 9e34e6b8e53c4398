"use client";

import { servedByFor } from "@/lib/traffic/served-by-words";
import type { TrafficView } from "@/lib/traffic/types";
import { ServedByLine } from "../../traffic/served-by-line";
import { useTopologyTraffic } from "./use-topology-traffic";

/**
 * Under a service's failover state (the node panel, a table row): which cluster actually answered this cluster's
 * requests for it in the last minute, with their rate and 5xx share. Nothing without a view Prometheus answered:
 * the note above the graph says why, once.
 */
export function ServedByNodeLine({ cluster, fqdn, workspace }: { cluster: string; fqdn: string; workspace?: string }) {
  const { view } = useTopologyTraffic(workspace);
  return <ServedByNodeLineView cluster={cluster} fqdn={fqdn} view={view} />;
}

/** The line for a given view (rendered by tests without a server). */
export function ServedByNodeLineView({ cluster, fqdn, view }: { cluster: string; fqdn: string; view: TrafficView | undefined }) {
  if (!view || view.status.state !== "ok") return null;
  return <ServedByLine row={servedByFor(view.servedBy, cluster, fqdn)} />;
}

"use client";

import { serviceOfNodeId } from "@/lib/topology-traffic/node-service";
import { servedByFor } from "@/lib/traffic/served-by-words";
import type { TrafficView } from "@/lib/traffic/types";
import { ServedByLine } from "../../traffic/served-by-line";
import type { CellTraffic } from "../../workspace/failover-cell";
import { useTopologyTraffic } from "./use-topology-traffic";

/** The service: its cluster and FQDN (a table row), or its node id (the side panel, which holds only the id). */
export type ServedByTarget = { cluster: string; fqdn: string } | { id: string };

const serviceOf = (target: ServedByTarget) => ("id" in target ? serviceOfNodeId(target.id) : target);

/**
 * Under a service's failover state (the node panel, a table row): which cluster actually answered this cluster's
 * requests for it in the last minute, with their rate and 5xx share. Nothing without a view Prometheus answered
 * (the note above the graph says why, once), nor for a node that is not a service.
 */
export function ServedByNodeLine(props: ServedByTarget & { workspace?: string | undefined }) {
  const { view } = useTopologyTraffic(props.workspace);
  return <ServedByNodeLineView {...props} view={view} />;
}

/** The line for a given view (rendered by tests without a server). */
export function ServedByNodeLineView(props: ServedByTarget & { view: TrafficView | undefined }) {
  const service = serviceOf(props);
  const { view } = props;
  if (!service || !view || view.status.state !== "ok") return null;
  return <ServedByLine row={servedByFor(view.servedBy, service.cluster, service.fqdn)} />;
}

/** A service's traffic in a view, as the failover state cell takes it; undefined without a view Prometheus answered. */
export function cellTrafficOf(view: TrafficView | undefined, cluster: string, fqdn: string): CellTraffic {
  return view && view.status.state === "ok" ? { row: servedByFor(view.servedBy, cluster, fqdn) } : undefined;
}


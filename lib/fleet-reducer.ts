import type { ClusterStatus, FleetEvent, FleetView } from "./fleet-schema";

/**
 * Folds one change event into the fleet view. Pure, shared by the server (to keep
 * its snapshot) and the browser (to update the React Query cache from SSE), so both
 * sides reach the same state from the same events.
 */
export function applyFleetEvent(view: FleetView | undefined, event: FleetEvent): FleetView | undefined {
  switch (event.type) {
    case "fleet-reset":
      return event.fleet;
    case "cluster-updated":
      return view?.kind === "ready" ? upsertClusters(view, [event.status]) : view;
    case "clusters-updated":
      return view?.kind === "ready" ? upsertClusters(view, event.statuses) : view;
  }
}

function upsertClusters(view: Extract<FleetView, { kind: "ready" }>, statuses: readonly ClusterStatus[]): FleetView {
  const byName = new Map(statuses.map((s) => [s.cluster, s]));
  // A status for a cluster the view does not know (a kubeconfig change still in flight)
  // is ignored: the fleet-reset that follows brings the new list.
  if (!view.clusters.some((c) => byName.has(c.cluster))) return view;
  return { ...view, clusters: view.clusters.map((c) => byName.get(c.cluster) ?? c) };
}

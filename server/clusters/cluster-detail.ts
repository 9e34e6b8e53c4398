// One cluster's page: its status from the fleet view, and from the fleet model's snapshot its objects per kind,
// its east-west gateways and the workspaces that span it. Per request this touches one cluster only, through a
// memo keyed on the object maps it reads (the cache keeps a kind's map while that kind is unchanged), so loads
// between two changes of the cluster cost a map lookup. Nothing asks the cluster: a stale or unreachable cluster
// shows its last known objects, marked as such.
import type { ClusterStatus, FleetView } from "@/lib/fleet-schema";
import { FLEET_KINDS, MANAGEMENT_KINDS, type ClusterSnapshot } from "@/lib/fleet/snapshot-types";
import { workspaceCovers, workspacesOf } from "@/lib/fleet/workspaces";
import { quoted, someOf } from "@/lib/validation/bounded-text";
import { notFound } from "@/server/errors";
import type { FleetModel, ModelState } from "@/server/model/types";
import { gatewayState } from "@/server/workspaces/gateway-state";
import { stateOf } from "@/server/workspaces/fleet-input";
import { viewMemoOf } from "@/server/workspaces/view-memo";
import type { ClusterDetail, ClusterWorkspace, KindCount } from "./types";

export type ClusterDetailDeps = {
  /** The fleet overview's view (probe results and sync figures per cluster). */
  view: () => FleetView;
  model: FleetModel;
  /** Contexts the kubeconfig defines but EASTWEST_CONTEXTS leaves out, so the 404 can say why. */
  excluded?: () => readonly string[];
};

function requireStatus(deps: ClusterDetailDeps, name: string): ClusterStatus {
  const view = deps.view();
  const clusters = view.kind === "ready" ? view.clusters : [];
  const status = clusters.find((c) => c.cluster === name);
  if (status) return status;
  const known = someOf(clusters.map((c) => c.cluster)) || "none";
  if (deps.excluded?.().includes(name)) {
    throw notFound("cluster", `Cluster ${quoted(name)} is in the kubeconfig but excluded by EASTWEST_CONTEXTS (watching: ${known}); add it there to use it.`);
  }
  throw notFound("cluster", `No cluster named ${quoted(name)} in the kubeconfig (known: ${known}).`);
}

function kindsOf(cluster: ClusterSnapshot): KindCount[] {
  return FLEET_KINDS.filter((kind) => cluster.management || !MANAGEMENT_KINDS.includes(kind)).map((kind) => ({ kind, count: cluster.objects[kind].size }));
}

function workspacesSpanning(cluster: ClusterSnapshot, management: ClusterSnapshot | undefined): ClusterWorkspace[] {
  const namespaces = [...cluster.objects.Namespace.values()].map((ns) => ns.metadata.name).sort();
  return workspacesOf(management)
    .map((ws) => ({ name: ws.name, namespaces: namespaces.filter((ns) => workspaceCovers(ws, cluster.name, ns)) }))
    .filter((ws) => ws.namespaces.length > 0);
}

function gatewaysOf(cluster: ClusterSnapshot, state: ModelState) {
  return [...cluster.objects.IngressGateway.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, gw]) => gatewayState(cluster, gw, state.plan.conditions));
}

type Objects = Omit<ClusterDetail, "status" | "known" | "lastKnown">;

function objectsOf(model: FleetModel, state: ModelState, name: string): Objects {
  const cluster = state.snapshot.clusters.find((c) => c.name === name);
  // In the fleet view but not yet in the model's snapshot (added to the kubeconfig a moment ago): nothing known.
  if (!cluster) return { kinds: [], gateways: [], workspaces: [] };
  const management = state.snapshot.clusters.find((c) => c.management);
  const o = cluster.objects;
  const keys = [...FLEET_KINDS.map((kind) => o[kind]), management?.objects.Workspace, management?.objects.WorkspaceSetting, state.plan.conditions];
  return viewMemoOf(model).get(`cluster-page\u0000${name}`, keys, () => ({
    kinds: kindsOf(cluster),
    gateways: gatewaysOf(cluster, state),
    workspaces: workspacesSpanning(cluster, management),
  }));
}

export async function clusterDetail(deps: ClusterDetailDeps, name: string): Promise<ClusterDetail> {
  const status = requireStatus(deps, name);
  const state = await stateOf(deps);
  return {
    status,
    known: status.sync.everSynced,
    lastKnown: !status.ok || status.sync.state === "stale",
    ...objectsOf(deps.model, state, name),
  };
}

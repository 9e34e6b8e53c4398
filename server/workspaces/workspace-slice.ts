// One workspace's part of the fleet model, memoized per model (view-memo.ts) on what each part reads: its
// services, scope and clusters from the adapted input; its readiness checklist from the input, the clusters'
// freshness and the gateways' pods; its per-cluster view from the cache's Pod/Service/IngressGateway maps and
// the conditions about it. Requests between two changes read these; none walks the fleet again.
import { gatewayPodsOf } from "@/lib/readiness/gateway-pods";
import { freshnessOf, haChecklistFromSnapshot } from "@/lib/readiness/from-snapshot";
import type { HaChecklist } from "@/lib/readiness/ha-checklist";
import type { WorkspaceInput } from "@/lib/plan/input";
import { workspaceScope, type WorkspaceScope } from "@/lib/plan/workspace-scope";
import type { WorkspaceCluster, WorkspaceService } from "@/lib/workspace-view/types";
import { notFound } from "@/server/errors";
import type { FleetView } from "./fleet-input";
import { workspaceClusterNames } from "./fleet-input";
import type { AddressCondition } from "./gateway-address-problems";
import { snapshotKeys, type ViewMemo } from "./view-memo";
import { workspaceClusters } from "./workspace-clusters";
import type { WorkspaceReach } from "./workspace-conditions";
import { servicesOf } from "./workspace-services";
import { liveRulesInput } from "./failover-rules";

export type WorkspaceCore = {
  ws: WorkspaceInput;
  scope: WorkspaceScope;
  services: WorkspaceService[];
  exposed: ReadonlySet<string>;
  clusterNames: string[];
  reach: WorkspaceReach;
};

/** Services, scope and clusters of `ws`: read from the adapted input and the snapshot's cluster names. */
export function coreOf(memo: ViewMemo, view: FleetView, ws: WorkspaceInput): WorkspaceCore {
  const { input } = view.adapted;
  return memo.get(`core\u0000${ws.name}`, [ws, input.clusters, snapshotKeys(view.snapshot).clusters], () => {
    const { scope } = workspaceScope(ws, input.clusters);
    const services = servicesOf(ws, input.clusters, scope);
    const clusterNames = workspaceClusterNames(view, ws);
    const reach: WorkspaceReach = { name: ws.name, scope, clusters: clusterNames, services: services.map((s) => s.fqdn) };
    return { ws, scope, services, exposed: new Set(services.filter((s) => s.exposed).map((s) => s.fqdn)), clusterNames, reach };
  });
}

/**
 * The checklist on the very input the previews and the registry plan from (the model's, with the registry's DNS
 * answers), so a DNS-named gateway is judged by the same resolved addresses everywhere — except DestinationRules,
 * read as the clusters hold them now (failover-rules.ts: the planner input keeps the console's own rules stale on
 * purpose, and "outlier detection configured" must see the failover rules the registry wrote).
 */
export function readinessOf(memo: ViewMemo, view: FleetView, workspace: string): HaChecklist {
  const { snapshot } = view;
  const { input } = view.adapted;
  const keys = snapshotKeys(snapshot);
  // The gateways' ready pods, fleet-wide once per change of the input or of a cluster's pods.
  const gatewayPods = memo.get("gateway-pods", [input, ...keys.pods], () => gatewayPodsOf(snapshot, input));
  const freshness = memo.get("freshness", [keys.clusters], () => freshnessOf(snapshot));
  const live = liveRulesInput(memo, view);
  const result = memo.get(`readiness\u0000${workspace}`, [live, keys.clusters, gatewayPods], () => haChecklistFromSnapshot(snapshot, live, workspace, { freshness, gatewayPods }));
  if (!result.ok) throw notFound("workspace", result.error.message);
  return result.checklist;
}

/** Per cluster of the workspace: freshness, namespaces and gateways. `slot` tells callers with other conditions apart. */
export function clustersOf(memo: ViewMemo, view: FleetView, core: WorkspaceCore, conditions: readonly AddressCondition[], slot: string): WorkspaceCluster[] {
  const keys = snapshotKeys(view.snapshot);
  return memo.get(`${slot}\u0000${core.ws.name}`, [core, keys.clusters, conditions, ...keys.maps], () => workspaceClusters(view.snapshot, core.clusterNames, core.scope, conditions));
}

/**
 * `list` itself when it holds the same elements as the slot's last list: a condition list rebuilt with the same
 * conditions (the registry's status is) keeps the memos that read it hitting.
 */
export function stableList<T>(memo: ViewMemo, slot: string, list: readonly T[]): readonly T[] {
  return memo.get(slot, list, () => list);
}

// The overview's workspace list: per workspace its clusters and namespaces, exposure, how many of its clusters
// have a ready east-west gateway, and the readiness checklist's verdict.
import { exposureCount } from "@/lib/workspace-view/exposure-count";
import type { WorkspaceSummary } from "@/lib/workspace-view/types";
import { uniqueSorted } from "@/lib/plan/json";
import { workspaceScope } from "@/lib/plan/workspace-scope";
import type { WorkspaceDeps } from "./deps";
import { planInputOf, workspaceClusterNames, type HostnameAnswers } from "./fleet-input";
import { workspaceClusters } from "./workspace-clusters";
import { readinessOf } from "./workspace-detail";
import { gatewayConditionsOf } from "./workspace-conditions";
import { exposureOf, servicesOf } from "./workspace-services";

/** `answers`: the registry's DNS answers for gateway hostnames (WorkspaceDeps.gatewayHostnames). */
export function workspaceList(deps: Pick<WorkspaceDeps, "snapshot">, answers?: HostnameAnswers): WorkspaceSummary[] {
  const snapshot = deps.snapshot();
  const { input } = planInputOf(snapshot, answers);
  return input.workspaces.map((ws) => {
    const { scope } = workspaceScope(ws, input.clusters);
    // The serving gateways' address conditions, per workspace: no fleet-wide plan on a request.
    const clusters = workspaceClusters(snapshot, workspaceClusterNames(snapshot, ws), scope, gatewayConditionsOf(input, ws));
    const readiness = readinessOf(snapshot, ws.name, answers);
    const exposure = exposureOf(ws);
    const { exposed, unnamed } = exposureCount(exposure, servicesOf(ws, input.clusters));
    return {
      name: ws.name,
      ...(ws.namespace ? { namespace: ws.namespace } : {}),
      clusters: clusters.map((c) => c.name),
      namespaces: uniqueSorted(clusters.flatMap((c) => c.namespaces)),
      exposure,
      exposedCount: exposed,
      unnamedExposedEntries: unnamed,
      unsyncedClusters: clusters.filter((c) => !c.freshness.everSynced).map((c) => c.name),
      gatewaysReady: clusters.filter((c) => c.gateways.some((g) => g.phase === "ready")).length,
      ready: readiness.ready,
      failingChecks: readiness.items.filter((i) => i.status === "fail").length,
    };
  });
}

// The failover drills not yet finished in a workspace's namespaces, for the note above the page's failover table:
// a drill started from another tab, another person or `kubectl apply` shows here while it runs. Read from the fleet
// cache's FailoverDrill maps (a drill's writes change the workspace's slice, so the page refetches), kept while those
// maps and the workspace's scope are the same.
import { covers } from "@/lib/plan/workspace-scope";
import type { WorkspaceDetail } from "@/lib/workspace-view/types";
import { isFinal, parseDrill } from "@/server/drills/cluster-facts";
import type { FleetView } from "./fleet-input";
import type { ViewMemo } from "./view-memo";
import type { WorkspaceCore } from "./workspace-slice";

type RunningDrill = NonNullable<WorkspaceDetail["runningDrills"]>[number];

export function runningDrillsOf(memo: ViewMemo, view: FleetView, core: WorkspaceCore): RunningDrill[] {
  const spanned = view.snapshot.clusters.filter((c) => core.clusterNames.includes(c.name));
  return memo.get(`running-drills\u0000${core.ws.name}`, [core, ...spanned.map((c) => c.objects.FailoverDrill)], () =>
    spanned.flatMap((c) =>
      [...c.objects.FailoverDrill.values()].flatMap((object) => {
        const drill = parseDrill(object);
        if (!drill || isFinal(drill) || !covers(core.scope, c.name, drill.metadata.namespace)) return [];
        const { name, namespace } = drill.metadata;
        return [{ cluster: c.name, namespace, name, service: drill.spec.service, phase: drill.status?.phase ?? "Pending" }];
      }),
    ),
  );
}

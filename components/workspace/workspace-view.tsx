"use client";

import { useState } from "react";
import type { GatewayState } from "@/lib/workspace-view/types";
import { AppHeader } from "../app-header";
import { ActivityPanel } from "../audit/activity-panel";
import { useAbilities } from "../auth/abilities-provider";
import { Breadcrumbs, workspaceTrail } from "../nav/breadcrumbs";
import { ClusterGatewayCard } from "./cluster-gateway-card";
import { DeployGatewayDialog } from "./deploy-gateway-dialog";
import { ErrorAlert } from "./error-alert";
import { FailoverTable } from "./failover-table";
import { ExposeServicesDialog } from "./expose-services-dialog";
import { ReadinessChecklist } from "./readiness-checklist";
import { RegistryConditions } from "./registry-conditions";
import { RemoveGatewayDialog } from "./remove-gateway-dialog";
import { RunningDrillsNote } from "./running-drills-note";
import { ServicesPropagation } from "./services-propagation";
import { useWorkspaceDetail, useWorkspaceLive } from "./use-workspace-detail";
import { WorkspaceHeading } from "./workspace-heading";
import { WorkspaceMissing, WorkspaceSkeleton } from "./workspace-states";

/** One workspace: its clusters and gateways, HA readiness, exposure and propagation, kept live. */
export function WorkspaceView({ name }: { name: string }) {
  const live = useWorkspaceLive(name);
  const { data, error } = useWorkspaceDetail(name);
  const [dialog, setDialog] = useState<"deploy" | "expose" | null>(null);
  const [removing, setRemoving] = useState<GatewayState | null>(null);
  // Gateways and exposure: the platform-owner role in this workspace (the heading says why when not).
  const change = useAbilities().can({ role: "platform-owner", action: "changing gateways and exposure", scope: { kind: "workspace", workspace: name } });
  return (
    <>
      <AppHeader live={live} />
      <main className="mx-auto max-w-6xl px-6 py-8">
        <Breadcrumbs trail={workspaceTrail(name)} />
        {!data ? (
          error ? (
            <WorkspaceMissing name={name} error={error} />
          ) : (
            <WorkspaceSkeleton name={name} />
          )
        ) : (
          <>
            <WorkspaceHeading detail={data} change={change} onDeploy={() => setDialog("deploy")} onExpose={() => setDialog("expose")} />
            {error && <ErrorAlert title="Showing the last loaded state: the latest refresh failed" error={error} />}
            <RegistryConditions conditions={data.conditions} />
            <section aria-labelledby="clusters-title" className="mb-8">
              <h2 id="clusters-title" className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase">
                Clusters and east-west gateways
              </h2>
              <ul aria-label="Workspace clusters" className="grid gap-5 md:grid-cols-2 xl:grid-cols-3">
                {data.clusters.map((cluster) => (
                  <li key={cluster.name}>
                    <ClusterGatewayCard cluster={cluster} onRemove={change.allowed ? setRemoving : undefined} />
                  </li>
                ))}
              </ul>
            </section>
            <RunningDrillsNote drills={data.runningDrills} />
            <FailoverTable detail={data} />
            <div className="grid gap-8 lg:grid-cols-2">
              <ReadinessChecklist checklist={data.readiness} />
              <ServicesPropagation detail={data} />
            </div>
            <ActivityPanel workspace={data.name} />
            <DeployGatewayDialog detail={data} open={dialog === "deploy"} onOpenChange={(o) => setDialog(o ? "deploy" : null)} />
            <ExposeServicesDialog detail={data} open={dialog === "expose"} onOpenChange={(o) => setDialog(o ? "expose" : null)} />
            <RemoveGatewayDialog workspace={data.name} gateway={removing} onClose={() => setRemoving(null)} />
          </>
        )}
      </main>
    </>
  );
}

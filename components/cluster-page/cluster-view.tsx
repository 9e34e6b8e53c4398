"use client";

import { useQuery } from "@tanstack/react-query";
import { AppHeader } from "../app-header";
import { Breadcrumbs, clusterTrail } from "../nav/breadcrumbs";
import { useTRPC } from "../trpc";
import { ErrorAlert } from "../workspace/error-alert";
import { ClusterFacts } from "./cluster-facts";
import { ClusterFailover } from "./cluster-failover";
import { ClusterGateways } from "./cluster-gateways";
import { ClusterHeading } from "./cluster-heading";
import { ClusterMissing, ClusterSkeleton } from "./cluster-states";
import { ClusterWorkspaces } from "./cluster-workspaces";
import { KindCounts } from "./kind-counts";
import { LastKnownBanner } from "./last-known-banner";
import { useClusterLive } from "./use-cluster-live";

/** One cluster: status and problem, facts, failover states, gateways, workspaces and objects; kept live. */
export function ClusterView({ name }: { name: string }) {
  const trpc = useTRPC();
  const live = useClusterLive(name);
  const { data, error } = useQuery(trpc.clusters.detail.queryOptions({ cluster: name }));
  return (
    <>
      <AppHeader live={live} />
      <main className="mx-auto max-w-6xl px-6 py-8">
        <Breadcrumbs trail={clusterTrail(name)} />
        {!data ? (
          error ? (
            <ClusterMissing name={name} error={error} />
          ) : (
            <ClusterSkeleton name={name} />
          )
        ) : (
          <>
            <ClusterHeading detail={data} />
            {error && <ErrorAlert title="Showing the last loaded state: the latest refresh failed" error={error} />}
            <LastKnownBanner detail={data} />
            <div className="mb-8">
              <ClusterFacts detail={data} />
            </div>
            <ClusterFailover cluster={name} />
            <ClusterGateways detail={data} />
            <ClusterWorkspaces detail={data} />
            <KindCounts detail={data} />
          </>
        )}
      </main>
    </>
  );
}

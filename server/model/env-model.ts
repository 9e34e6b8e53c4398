// The fleet model as a console process configures it from its environment: over the fleet cache's snapshots,
// with the configured management cluster and gateway-address setting, deep-frozen outside production (a reader
// mutating a shared snapshot or plan then throws where it does it). One place, so the runtime, a registry
// service started on its own and a request without the runtime's model all build the same model.
import type { ServerEnv } from "@/server/env";
import type { FleetSnapshotSource } from "@/server/fleet/snapshot";
import { fromFleetSource } from "@/server/registry/fleet-source";
import type { HostnameFeed } from "@/server/registry/hostname-resolver";
import { createFleetModel } from "./fleet-model";
import type { FleetModel, PlannerHost } from "./types";

export type EnvModelDeps = {
  env: Pick<ServerEnv, "managementCluster" | "allowLoopbackGatewayAddresses">;
  snapshots: FleetSnapshotSource;
  host: PlannerHost;
  hostnames?: HostnameFeed;
  log?: (line: string) => void;
};

export function createEnvModel({ env, snapshots, host, hostnames, log }: EnvModelDeps): FleetModel {
  return createFleetModel({
    source: fromFleetSource(snapshots),
    host,
    ...(hostnames ? { hostnames } : {}),
    ...(env.managementCluster ? { managementCluster: env.managementCluster } : {}),
    allowLoopbackGatewayAddresses: env.allowLoopbackGatewayAddresses,
    freeze: process.env.NODE_ENV !== "production",
    ...(log ? { log } : {}),
  });
}

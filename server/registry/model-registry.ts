// A registry with a fleet model of its own, for tests and scripts that start a registry on a snapshot source
// (a lister, the fleet cache): the model plans with a planner host on this thread unless `host` is given. The
// running console does not use this: its runtime starts one model (worker planner) and hands it to the registry.
import { createFleetModel } from "@/server/model/fleet-model";
import { createPlannerHost } from "@/server/model/planner-host";
import type { FleetModel, PlannerHost } from "@/server/model/types";
import { startRegistry, type Registry, type RegistryDeps, type SnapshotSource } from "./controller";

export type SourceRegistryDeps = Omit<RegistryDeps, "model"> & {
  source: SnapshotSource;
  managementCluster?: string;
  allowLoopbackGatewayAddresses?: boolean;
  /** The planner host; default: one on this thread, stopped with the registry. */
  host?: PlannerHost;
  /** Deep-freeze what the model takes in and hands out; default: outside production, as the console does. */
  freeze?: boolean;
};

export type SourceRegistry = Registry & { model: FleetModel };

export function startRegistryOnSource(deps: SourceRegistryDeps): SourceRegistry {
  const { source, managementCluster, allowLoopbackGatewayAddresses, host: given, freeze, ...rest } = deps;
  const host = given ?? createPlannerHost({ inProcess: true });
  const model = createFleetModel({
    source,
    host,
    ...(rest.hostnames ? { hostnames: rest.hostnames } : {}),
    ...(managementCluster ? { managementCluster } : {}),
    allowLoopbackGatewayAddresses: allowLoopbackGatewayAddresses === true,
    freeze: freeze ?? process.env.NODE_ENV !== "production",
    ...(rest.log ? { log: rest.log } : {}),
  });
  const registry = startRegistry({ ...rest, model });
  return {
    ...registry,
    model,
    async stop() {
      await registry.stop();
      await model.stop();
      if (!given) await host.stop();
    },
  };
}

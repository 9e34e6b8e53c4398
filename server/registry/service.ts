// Production wiring of the registry, for server/runtime.ts: writers and the leader Lease's client made from the
// fleet service's live cluster handles (so they follow a kubeconfig that changes while the console runs), leader
// election on a Lease in the management cluster (standalone mode only), and the process's fleet model (its state:
// snapshot planned and diffed) with the resolver it plans with. The mode comes from EASTWEST_REGISTRY_MODE.
import type { ServerEnv } from "@/server/env";
import type { FleetSnapshotSource } from "@/server/fleet/snapshot";
import { createClusterWriter } from "@/server/kube/writer";
import { createEnvModel } from "@/server/model/env-model";
import { createPlannerHost } from "@/server/model/planner-host";
import type { FleetModel } from "@/server/model/types";
import { startRegistry, type Registry } from "./controller";
import { fromFleetSource } from "./fleet-source";
import { followHandles, type HandleSource } from "./handle-pool";
import { createHostnameResolver, type HostnameFeed, type HostnameResolver, type Lookup } from "./hostname-resolver";
import { startLeaderElection, type LeaderElector } from "./leader-election";
import { followingLeaseClient, type LeaseRef } from "./lease-follow";

/**
 * `hostnames`: the registry's answers for DNS-named gateway addresses. Previews and readiness plan with these
 * same answers (server/workspaces/fleet-input.ts), so they never do DNS on a request nor disagree with what the
 * registry writes; `refresh` looks every name up again now (tests, a manual "resolve now").
 */
export type RegistryService = Registry & { leader: LeaderElector | undefined; hostnames: HostnameFeed & { refresh(): Promise<void> } };

export type RegistryServiceDeps = {
  env: ServerEnv;
  snapshots: FleetSnapshotSource;
  /** The fleet service's `handle`: each cluster's current connection handle. */
  handle: HandleSource;
  log: (line: string) => void;
  /** Where the leader Lease lives in the management cluster. */
  lease?: LeaseRef;
  /** Per write; kept below renewDeadline − leaseDuration margin (5 s with the defaults) so a lapsed leader's last write lands in time. */
  writeTimeoutMs?: number;
  /**
   * The process's fleet model and the resolver it plans with (server/runtime.ts creates both and stops them).
   * Without them — tests and scripts that start a registry alone — the service starts its own resolver (with
   * `lookup`) and a model planning on this thread, and stops them with itself.
   */
  model?: FleetModel;
  hostnames?: HostnameResolver;
  /** DNS lookups of gateway hostnames for a resolver of its own (tests inject a fake). */
  lookup?: Lookup;
};

type Owned = { model: FleetModel; hostnames: HostnameResolver; stop: () => Promise<void> };

/** The model and resolver given, or ones of the service's own (stopped with it). */
function modelOf(deps: RegistryServiceDeps): Owned {
  const given = deps.hostnames;
  const hostnames = given ?? createHostnameResolver(deps.lookup ? { lookup: deps.lookup } : {});
  if (deps.model) return { model: deps.model, hostnames, stop: async () => (given ? undefined : hostnames.stop()) };
  const host = createPlannerHost({ inProcess: true });
  const model = createEnvModel({ env: deps.env, snapshots: deps.snapshots, host, hostnames, log: deps.log });
  return {
    model,
    hostnames,
    stop: async () => {
      await model.stop();
      await host.stop();
      if (!given) hostnames.stop();
    },
  };
}

export function startRegistryService(deps: RegistryServiceDeps): RegistryService {
  const { env } = deps;
  const source = fromFleetSource(deps.snapshots);
  // The fleet cache names the management cluster (the env's choice, else the kubeconfig's first context).
  const management = () => env.managementCluster ?? source.managementCluster?.();
  const writerFor = followHandles(deps.handle, (h) => createClusterWriter(h, { timeoutMs: deps.writeTimeoutMs ?? 4_000 }));
  // Standalone replicas write only while holding the Lease; one that cannot reach it (no management cluster
  // yet, or an unusable context) never assumes it is alone.
  const leader =
    env.registryMode === "standalone"
      ? startLeaderElection({ lease: followingLeaseClient(deps.handle, management, deps.lease ?? { namespace: "default", name: "eastwest-registry" }, 5_000), log: deps.log })
      : undefined;
  const owned = modelOf(deps);
  const { hostnames } = owned;
  const registry = startRegistry({ mode: env.registryMode, model: owned.model, writerFor, leader, hostnames, log: deps.log });
  return {
    ...registry,
    leader,
    hostnames: { resolved: hostnames.resolved, ready: hostnames.ready, conditions: hostnames.conditions, subscribe: hostnames.subscribe, refresh: hostnames.refresh },
    async stop() {
      // Writes in flight finish first (each has its own deadline), then the Lease is emptied so another
      // replica takes over at its next retry instead of waiting out the lease duration.
      await registry.stop();
      await leader?.stop({ release: true });
      await owned.stop();
    },
  };
}

// Production wiring of the registry, for server/runtime.ts: one writer per kubeconfig context, leader election
// on a Lease in the management cluster (standalone mode only), snapshots from the fleet cache. The mode comes
// from EASTWEST_REGISTRY_MODE (server/env.ts).
import type { ServerEnv } from "@/server/env";
import type { FleetSnapshotSource } from "@/server/fleet/snapshot";
import { loadInCluster, loadKubeconfig } from "@/server/kube/kubeconfig";
import { createLeaseClient } from "@/server/kube/lease-client";
import { createClusterWriter, type ClusterWriter } from "@/server/kube/writer";
import { startRegistry, type Registry } from "./controller";
import { fromFleetSource } from "./fleet-source";
import { startLeaderElection, type LeaderElector } from "./leader-election";

export type RegistryService = Registry & { leader: LeaderElector | undefined };

export type RegistryServiceDeps = {
  env: ServerEnv;
  snapshots: FleetSnapshotSource;
  log: (line: string) => void;
  /** Where the leader Lease lives in the management cluster. */
  lease?: { namespace: string; name: string };
  /** Per write; kept below renewDeadline − leaseDuration margin (5 s with the defaults) so a lapsed leader's last write lands in time. */
  writeTimeoutMs?: number;
};

export async function startRegistryService(deps: RegistryServiceDeps): Promise<RegistryService> {
  const { env } = deps;
  const load = env.inCluster ? loadInCluster() : await loadKubeconfig(env.kubeconfigPaths, env.contexts);
  const handles = load.ok ? load.clusters : [];
  const writers = new Map<string, ClusterWriter>(handles.flatMap((h) => {
    const w = createClusterWriter(h, { timeoutMs: deps.writeTimeoutMs ?? 4_000 });
    return w ? [[h.name, w] as const] : [];
  }));
  const managementName = env.managementCluster ?? handles[0]?.name;
  const management = handles.find((h) => h.name === managementName && h.kubeConfig);
  let leader: LeaderElector | undefined;
  if (env.registryMode === "standalone") {
    if (!management) {
      // Without a Lease, no replica may assume it is alone: write nothing rather than risk two writers.
      deps.log(`registry: management cluster ${managementName ?? "(none)"} unusable; not writing until it is configured`);
    } else {
      leader = startLeaderElection({ lease: createLeaseClient(management, deps.lease ?? { namespace: "default", name: "eastwest-registry" }, 5_000), log: deps.log });
    }
  }
  const canWrite = env.registryMode === "standalone" && leader !== undefined;
  const registry = startRegistry({
    mode: canWrite ? "standalone" : "observe",
    source: fromFleetSource(deps.snapshots),
    writerFor: (cluster) => writers.get(cluster),
    leader,
    managementCluster: managementName,
    log: deps.log,
  });
  return {
    ...registry,
    leader,
    async stop() {
      await registry.stop();
      await leader?.stop({ release: true });
    },
  };
}

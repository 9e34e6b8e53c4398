// Production wiring of the drills, for server/runtime.ts: the runner (leader-only) and the DrillService over the
// fleet service's snapshots and live cluster handles, the process's fleet model, and the real phase machine.
// Leadership is the registry's Lease when the registry elects one (standalone mode); in observe mode, where the
// registry writes nothing and elects nothing, the drills elect their own leader on a Lease of their own in the
// management cluster — so of several console replicas exactly one runs drills either way. The runner writes with
// the console's own credentials; the service's start and abort, made for a person, with clients that act as them.
import { stepDrill } from "@/lib/drills/machine";
import type { Actor } from "@/server/auth/identity";
import type { ServerEnv } from "@/server/env";
import type { FleetService } from "@/server/fleet/service";
import { createDrillClient, type DrillClient } from "@/server/kube/drill-client";
import { impersonationOf } from "@/server/kube/impersonation";
import type { FleetModel } from "@/server/model/types";
import { followHandles } from "@/server/registry/handle-pool";
import { startLeaderElection, type LeaderElector } from "@/server/registry/leader-election";
import { followingLeaseClient } from "@/server/registry/lease-follow";
import type { RegistryService } from "@/server/registry/service";
import { failoverFactsOf } from "./failover-facts";
import { lazyLeader } from "./lazy-leader";
import { prometheusServedBy } from "./prometheus-served-by";
import { startDrillRunner, type DrillRunner } from "./runner";
import { createDrillService } from "./service";
import type { DrillService } from "./types";

export type DrillsDeps = {
  env: ServerEnv;
  fleet: Pick<FleetService, "snapshots" | "handle">;
  model: FleetModel;
  registry: Pick<RegistryService, "leader">;
  log: (line: string) => void;
  /** Per request to a cluster. */
  timeoutMs?: number;
};

export type Drills = { service: DrillService; runner: DrillRunner; leader: Pick<LeaderElector, "isLeader" | "onChange">; stop(): Promise<void> };

export function startDrills(deps: DrillsDeps): Drills {
  const { env, fleet, model, log } = deps;
  const timeoutMs = deps.timeoutMs ?? 5_000;
  const own = followHandles(fleet.handle, (h) => createDrillClient(h, { timeoutMs }));
  // A person's client is made per call from the live handle (no I/O); without an identity, the console's own.
  const clientFor = (cluster: string, actor?: Actor): DrillClient | undefined => {
    if (!impersonationOf(actor)) return own(cluster);
    const handle = fleet.handle(cluster);
    return handle ? createDrillClient(handle, { timeoutMs, ...(actor ? { actor } : {}), impersonateReads: env.impersonateReads }) : undefined;
  };
  const management = () => env.managementCluster ?? fleet.snapshots.current().managementCluster ?? undefined;
  const shared = deps.registry.leader;
  const elected = shared ? undefined : lazyLeader(() => startLeaderElection({ lease: followingLeaseClient(fleet.handle, management, { namespace: "default", name: "eastwest-drills" }, 5_000), log }));
  const leader = shared ?? elected;
  if (!leader) throw new Error("drills: no leader election");
  // The model's failover state of the service, once the model has digested a snapshot (after a restart a drill
  // waits for it rather than be judged on nothing).
  const failover = async (cluster: string, namespace: string, service: string) => failoverFactsOf(model, model.current() ?? (await model.settled()), cluster, namespace, service);
  const runner = startDrillRunner({
    snapshots: fleet.snapshots,
    cluster: (name) => fleet.snapshots.current().clusters.find((c) => c.name === name),
    clientFor: own,
    failover,
    machine: stepDrill,
    isLeader: leader.isLeader,
    onLeaderChange: leader.onChange,
    ...(elected ? { onDrillSeen: elected.ensure } : {}),
    now: () => Date.now(),
    ...(env.prometheusUrl ? { prometheusServedBy: prometheusServedBy(env.prometheusUrl) } : {}),
    log,
  });
  const service = createDrillService({ snapshots: fleet.snapshots, clientFor, failover });
  return {
    service,
    runner,
    leader,
    async stop() {
      service.stop();
      await runner.stop();
      await elected?.stop();
    },
  };
}

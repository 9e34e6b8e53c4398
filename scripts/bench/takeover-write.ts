// Leader takeover measured as issue #16 asks: from the leader's crash to the new leader's first write. Two
// electors with the production timings on one Lease in the management cluster; the standby registry (its own
// model on the same fleet source, production settings) writes only while its elector leads. The leader crashes
// (stops renewing without releasing, as a killed pod), and at that moment a new Service appears in a remote
// cluster: the standby must wait out the lease, take it, and write the new Service's ServiceEntries.
import type { FleetSnapshotSource } from "@/server/fleet/snapshot";
import type { ClusterHandle } from "@/server/kube/kubeconfig";
import type { ClusterWriter } from "@/server/kube/writer";
import { createLeaseClient } from "@/server/kube/lease-client";
import { fromFleetSource } from "@/server/registry/fleet-source";
import { startLeaderElection, type LeaderElector } from "@/server/registry/leader-election";
import { startRegistryOnSource } from "@/server/registry/model-registry";
import { labRequest, serviceManifest } from "../bench-registry-steps";

function leading(e: LeaderElector, timeoutMs: number): Promise<void> {
  if (e.isLeader()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${e.identity} did not lead within ${timeoutMs} ms`)), timeoutMs);
    const off = e.onChange((now) => {
      if (!now) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

export type TakeoverWrite = { crashToLeaderMs: number; crashToFirstWriteMs: number };

/** `writers`: the clusters' writers; the standby's writes are timed through them. */
export async function measureTakeoverToWrite(snapshots: FleetSnapshotSource, handles: ClusterHandle[], writers: Map<string, ClusterWriter>, namespace: string): Promise<TakeoverWrite> {
  const [management, target] = handles;
  if (!management || !target) throw new Error("need at least 2 clusters");
  const ref = { namespace: "default", name: "eastwest-registry-takeover-bench" };
  const elector = (identity: string) => startLeaderElection({ lease: createLeaseClient(management, ref, 5_000), identity });
  const a = elector("bench-leader");
  await leading(a, 30_000);
  const b = elector("bench-standby");
  let firstWrite: number | undefined;
  let wrote: () => void = () => undefined;
  const written = new Promise<void>((resolve) => (wrote = resolve));
  const timed = (cluster: string): ClusterWriter | undefined => {
    const w = writers.get(cluster);
    if (!w) return undefined;
    const mark = <T>(outcome: T) => ((firstWrite ??= performance.now()), wrote(), outcome);
    return { apply: async (o, l, how) => mark(await w.apply(o, l, how)), delete: async (r, p) => mark(await w.delete(r, p)) };
  };
  const standby = startRegistryOnSource({ mode: "standalone", allowLoopbackGatewayAddresses: true, source: fromFleetSource(snapshots), writerFor: timed, leader: b, managementCluster: management.name });
  try {
    // The standby has planned and found nothing to write (converged); then the leader dies as the fleet changes.
    await standby.reconcileNow();
    await a.stop();
    const crashedAt = performance.now();
    await labRequest(target, "POST", `/api/v1/namespaces/${namespace}/services`, serviceManifest(`takeover-${Date.now()}`, namespace));
    await leading(b, 60_000);
    const ledAt = performance.now();
    await Promise.race([written, new Promise((_, reject) => setTimeout(() => reject(new Error("the new leader wrote nothing within 60 s")), 60_000).unref())]);
    return { crashToLeaderMs: ledAt - crashedAt, crashToFirstWriteMs: (firstWrite ?? Number.NaN) - crashedAt };
  } finally {
    await standby.stop();
    await b.stop({ release: true });
  }
}

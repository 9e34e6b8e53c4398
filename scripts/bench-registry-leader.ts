// Leader takeover for the registry benchmark: two electors with the production timings on one Lease in the
// management cluster. Crash = the holder stops without releasing (the other waits out the lease duration);
// handover = the holder releases on shutdown (the other takes it at its next retry).
import { startLeaderElection, type LeaderElector } from "@/server/registry/leader-election";
import { createLeaseClient } from "@/server/kube/lease-client";
import type { ClusterHandle } from "@/server/kube/kubeconfig";

function becomesLeader(e: LeaderElector, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    if (e.isLeader()) return resolve(performance.now());
    const timer = setTimeout(() => reject(new Error(`${e.identity} did not become leader within ${timeoutMs} ms`)), timeoutMs);
    const off = e.onChange((leading) => {
      if (!leading) return;
      clearTimeout(timer);
      off();
      resolve(performance.now());
    });
  });
}

/** crashMs: from the crash; afterExpiryMs: from the moment the last renewal's lease ran out (wall clock). */
export async function measureTakeover(management: ClusterHandle): Promise<{ crashMs: number; afterExpiryMs: number; releaseMs: number }> {
  const ref = { namespace: "default", name: "eastwest-registry-bench" };
  const lease = createLeaseClient(management, ref, 5_000);
  const elector = (identity: string) => startLeaderElection({ lease: createLeaseClient(management, ref, 5_000), identity, log: (line) => console.log(`bench: ${line}`) });
  const a = elector("bench-a");
  await becomesLeader(a, 30_000);
  const b = elector("bench-b");
  await a.stop();
  const crashedAt = performance.now();
  const last = await lease.get();
  const expiresAt = Date.parse(last?.renewTime ?? "") + (last?.durationSeconds ?? 0) * 1000;
  const crashMs = (await becomesLeader(b, 60_000)) - crashedAt;
  const afterExpiryMs = Date.now() - expiresAt;
  const c = elector("bench-c");
  // Let c observe the Lease once before the handover (a follower that has never looked cannot act sooner).
  await new Promise<void>((resolve) => setTimeout(resolve, 2_500));
  await b.stop({ release: true });
  const releasedAt = performance.now();
  const releaseMs = (await becomesLeader(c, 60_000)) - releasedAt;
  await c.stop({ release: true });
  return { crashMs, afterExpiryMs, releaseMs };
}

// The registry stage's second replica (registry-run.ts), in a process of its own as a real replica is: full lists
// of every cluster (no watches), one plan + diff of that snapshot on this thread (computeFleetState, timed), then a
// fresh registry's first pass over it, counting the writes it makes (a no-op resync: 0 when the fleet converged).
// Its own process because it is a second fleet's worth of heap (cache, plan, comparisons): the stage's process
// runs with the console's heap bound, sized for one fleet, as a replica's pod is.
// Usage: tsx --conditions=react-server scripts/bench/fresh-replica.ts <kubeconfig> <management cluster>
// Prints one JSON line: { "planMs": number, "writes": number }.
import { loadKubeconfig } from "@/server/kube/kubeconfig";
import { createClusterWriter, type ClusterWriter } from "@/server/kube/writer";
import { createFleetLister } from "@/server/kube/writer-fleet-lister";
import { computeFleetState } from "@/server/registry/fleet-state";
import { startRegistryOnSource } from "@/server/registry/model-registry";

export type FreshReplicaResult = { planMs: number; writes: number };

async function main(kubeconfig: string, management: string): Promise<FreshReplicaResult> {
  const loaded = await loadKubeconfig([kubeconfig], []);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const handles = loaded.clusters;
  const lister = createFleetLister(handles, { timeoutMs: 120_000 });
  await lister.refresh();
  const started = performance.now();
  computeFleetState(lister.current(), { managementCluster: management, allowLoopbackGatewayAddresses: true });
  const planMs = performance.now() - started;
  let writes = 0;
  const writers = new Map(handles.flatMap((h) => {
    const w = createClusterWriter(h, { timeoutMs: 30_000 });
    return w ? [[h.name, w] as const] : [];
  }));
  const counting = (c: string): ClusterWriter | undefined => {
    const w = writers.get(c);
    return w && { apply: (o, l) => (writes++, w.apply(o, l)), delete: (r, p) => (writes++, w.delete(r, p)) };
  };
  const fresh = startRegistryOnSource({ mode: "standalone", allowLoopbackGatewayAddresses: true, source: { current: lister.current, subscribe: () => () => undefined }, writerFor: counting, managementCluster: management, resyncMs: 3_600_000, coalesceMs: 0 });
  await fresh.reconcileNow();
  await fresh.stop();
  return { planMs, writes };
}

const [kubeconfig, management] = process.argv.slice(2);
if (!kubeconfig || !management) {
  console.error("usage: fresh-replica.ts <kubeconfig> <management cluster>");
  process.exit(2);
}
main(kubeconfig, management).then(
  (result) => {
    console.log(JSON.stringify(result));
    process.exit(0);
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);

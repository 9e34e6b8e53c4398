// The lab's own write capacity, measured alone (nothing else writing) with the registry's writer and at the
// registry's concurrency (C clusters at a time, W writes in flight per cluster, B in flight in all: server-side
// apply with a field manager): the denominator that makes the registry's writes/s a ratio. The objects are ServiceEntries in a
// namespace of their own, which no workspace selects, so the registry neither plans nor removes them.
import pLimit from "p-limit";
import type { ClusterHandle } from "@/server/kube/kubeconfig";
import { createClusterWriter } from "@/server/kube/writer";
import { labRequest } from "../bench-registry-steps";

const NAMESPACE = "bench-capacity";

async function pool<T>(items: readonly T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await run(item);
    }
  });
  await Promise.all(lanes);
}

const entry = (name: string) => ({
  apiVersion: "networking.istio.io/v1" as const,
  kind: "ServiceEntry" as const,
  metadata: { name, namespace: NAMESPACE, labels: { "eastwest.dev/bench": "capacity" }, annotations: {} },
  spec: { hosts: [`${name}.bench.local`], location: "MESH_INTERNAL", resolution: "STATIC", ports: [{ name: "http", number: 80, protocol: "HTTP" }], endpoints: [{ address: "10.0.0.1" }] },
});

export type Capacity = { writes: number; seconds: number; perSecond: number; failed: number };

/**
 * `total` creates spread evenly over `handles`, `clusterConcurrency` clusters at a time, `writeConcurrency` each,
 * `budget` in all (as the registry's controller shares it). `round` names the objects, so a second measure creates
 * new ones rather than re-applying the first's.
 */
export type Concurrency = { clusters: number; perCluster: number; budget: number };

export async function measureLabCapacity(handles: readonly ClusterHandle[], total: number, concurrency: Concurrency, round = 1): Promise<Capacity> {
  const budget = pLimit(concurrency.budget);
  for (const h of handles) await labRequest(h, "POST", "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: NAMESPACE } }).catch(() => undefined);
  const perCluster = Math.ceil(total / handles.length);
  let writes = 0;
  let failed = 0;
  const started = performance.now();
  await pool(handles, concurrency.clusters, async (h) => {
    const writer = createClusterWriter(h, { timeoutMs: 30_000 });
    if (!writer) throw new Error(`no writer for ${h.name}`);
    const names = Array.from({ length: perCluster }, (_, i) => `capacity-${round}-${i}`);
    await pool(names, concurrency.perCluster, async (name) => {
      const outcome = await budget(() => writer.apply(entry(name)));
      if (outcome.ok) writes++;
      else failed++;
    });
  });
  const seconds = (performance.now() - started) / 1000;
  return { writes, seconds, perSecond: writes / seconds, failed };
}

// Change → remote write latency for the registry benchmark: a new Service in one cluster (exposed by the
// workspace's namespace selector) must appear as a ServiceEntry in every other cluster. Measured from the
// moment the API server answered the create to the completion of the first / the last remote write.
import type { ClusterHandle } from "@/server/kube/kubeconfig";
import { labRequest, percentile, serviceManifest, type WriteEvent } from "./bench-registry-steps";

export type WriteFeed = { subscribe(listener: (e: WriteEvent) => void): () => void };

type Log = ((line: string) => void) | undefined;

async function sample(feed: WriteFeed, target: ClusterHandle, others: string[], name: string, namespace: string, log: Log): Promise<{ first: number; all: number }> {
  const se = `global-gwinternal-${name}-${namespace}-svc-cluster-local`;
  const remote = new Set(others);
  const seen: number[] = [];
  let off: () => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: ${remote.size} remote writes missing after 120 s`)), 120_000);
    off = feed.subscribe((e) => {
      if (e.name !== se || !remote.delete(e.cluster)) return;
      seen.push(e.at);
      if (remote.size > 0) return;
      clearTimeout(timer);
      resolve();
    });
  });
  try {
    await labRequest(target, "POST", `/api/v1/namespaces/${namespace}/services`, serviceManifest(name, namespace));
    const committed = performance.now();
    log?.(`${(committed / 1000).toFixed(2)} created ${name}`);
    await done;
    return { first: Math.min(...seen) - committed, all: Math.max(...seen) - committed };
  } finally {
    off();
  }
}

export async function measureLatency(feed: WriteFeed, handles: ClusterHandle[], samples: number, namespace: string, log?: (line: string) => void) {
  const [, target] = handles;
  if (!target) throw new Error("need at least 2 clusters");
  const others = handles.filter((h) => h !== target).map((h) => h.name);
  const first: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < samples; i++) {
    const result = await sample(feed, target, others, `bench-${i}`, namespace, log);
    first.push(result.first);
    all.push(result.all);
  }
  return { first: { p50: percentile(first, 50), p95: percentile(first, 95) }, all: { p50: percentile(all, 50), p95: percentile(all, 95) } };
}

// HTTP calls to the console's tRPC endpoint (GET, superjson-encoded input), as the browser's batch link makes them.

type Stats = { revision: number; clusters: number; synced: number; objects: number; jsonBytes: number | null; rssBytes: number; heapUsedBytes: number; uptimeSeconds: number };

export async function fleetStats(base: string, measureJson = false): Promise<Stats | undefined> {
  const input = encodeURIComponent(JSON.stringify({ json: { measureJson } }));
  try {
    const res = await fetch(`${base}/api/trpc/fleet.stats?input=${input}`);
    if (!res.ok) return undefined;
    return ((await res.json()) as { result: { data: { json: Stats } } }).result.data.json;
  } catch {
    return undefined;
  }
}

/** Polls (every 100 ms, bounded) until every cluster is synced; resolves with the stats then. */
export async function waitForSynced(base: string, clusters: number, timeoutMs: number): Promise<Stats> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const stats = await fleetStats(base);
    if (stats && stats.clusters === clusters && stats.synced === clusters) return stats;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the console did not sync ${clusters} clusters within ${timeoutMs} ms`);
}

/** `count` sequential fleet.clusters queries; returns each one's latency in ms. */
export async function queryLatencies(base: string, count: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await fetch(`${base}/api/trpc/fleet.clusters`);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`fleet.clusters answered ${res.status}`);
    out.push(performance.now() - started);
  }
  return out;
}

// Registry benchmark on the lab's `scale` scenario (lab in its own process): deploy an east-west gateway in every
// cluster (the workspace already exposes everything), then measure: time to converge, objects written and
// writes/s; latency from a source change (a new Service in one cluster) to the remote writes, p50/p95; writes
// during a no-op resync (must be 0, from the running replica and from a fresh one); leader takeover time.
// Usage: npx tsx --conditions=react-server scripts/bench-registry.ts [--clusters 20] [--services 500] [--samples 20] [--no-leader]
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseEnv } from "@/server/env";
import { startFleetService } from "@/server/fleet/service";
import { loadKubeconfig, type ClusterHandle } from "@/server/kube/kubeconfig";
import { defaultPlannerHost } from "@/server/model/default-host";
import { createClusterWriter, type ClusterWriter } from "@/server/kube/writer";
import { createFleetLister } from "@/server/kube/writer-fleet-lister";
import type { Registry } from "@/server/registry/controller";
import { startRegistryOnSource } from "@/server/registry/model-registry";
import { fromFleetSource } from "@/server/registry/fleet-source";
import { computeFleetState } from "@/server/registry/fleet-state";
import { measureLatency, type WriteFeed } from "./bench-registry-latency";
import { measureTakeover } from "./bench-registry-leader";
import { gatewayManifest, gatewaysReady, labRequest, timedWriter, waitForSnapshot, type WriteEvent } from "./bench-registry-steps";
import { startUntil } from "./processes";

const { values } = parseArgs({ options: { clusters: { type: "string", default: "20" }, services: { type: "string", default: "500" }, samples: { type: "string", default: "20" }, "no-leader": { type: "boolean", default: false }, verbose: { type: "boolean", default: false } } });
const C = Number(values.clusters);
const S = Number(values.services);
const NS = "ns-001";
const rows: Array<[string, string]> = [];
const row = (k: string, v: string) => (rows.push([k, v]), console.log(`  ${k}: ${v}`));
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const cleanups: Array<() => Promise<void> | void> = [];

async function startLabProcess(kubeconfig: string): Promise<ChildProcess> {
  const started = performance.now();
  const args = ["lab/main.ts", "--scenario", "scale", "--clusters", String(C), "--services", String(S), "--port-base", "0", "--admin-port", "0", "--kubeconfig", kubeconfig];
  const lab = await startUntil("node_modules/.bin/tsx", args, /lab ready/, { prefix: "[lab] ", timeoutMs: 20 * 60_000 });
  row("scenario", `scale: ${C} clusters × ${S} services (lab ready in ${secs(performance.now() - started)})`);
  return lab;
}

/** Timestamped writers for every cluster, and a feed of their completed writes. */
function instrumentedWriters(handles: ClusterHandle[]): { writers: Map<string, ClusterWriter>; events: WriteEvent[]; feed: WriteFeed } {
  const events: WriteEvent[] = [];
  const listeners = new Set<(e: WriteEvent) => void>();
  const record = (e: WriteEvent) => (events.push(e), listeners.forEach((l) => l(e)));
  const writers = new Map<string, ClusterWriter>(handles.flatMap((h) => {
    const w = createClusterWriter(h, { timeoutMs: 30_000 });
    return w ? [[h.name, timedWriter(h.name, w, record)] as const] : [];
  }));
  return { writers, events, feed: { subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) } };
}

function converged(registry: Registry): boolean {
  const status = registry.status();
  return status.clusters.length === C && status.clusters.every((c) => !c.stale && c.missing.length + c.different.length + c.extra.length === 0);
}

async function untilConverged(registry: Registry, fleet: ReturnType<typeof startFleetService>): Promise<void> {
  while (!converged(registry)) {
    await registry.reconcileNow();
    if (converged(registry)) return;
    await new Promise<void>((resolve) => {
      const off = fleet.snapshots.subscribe(() => (off(), resolve()));
    });
  }
}

async function noopFromFreshReplica(handles: ClusterHandle[], writers: Map<string, ClusterWriter>, management: string): Promise<number> {
  const lister = createFleetLister(handles, { timeoutMs: 120_000 });
  await lister.refresh();
  let writes = 0;
  const counting = (c: string): ClusterWriter | undefined => {
    const w = writers.get(c);
    return w && { apply: (o, l) => (writes++, w.apply(o, l)), delete: (r, p) => (writes++, w.delete(r, p)) };
  };
  const fresh = startRegistryOnSource({ mode: "standalone", allowLoopbackGatewayAddresses: true, source: { current: lister.current, subscribe: () => () => undefined }, writerFor: counting, managementCluster: management, resyncMs: 3_600_000, coalesceMs: 0 });
  await fresh.reconcileNow();
  await fresh.stop();
  return writes;
}

async function run(kubeconfig: string): Promise<void> {
  const loaded = await loadKubeconfig([kubeconfig], []);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const handles = loaded.clusters;
  const management = handles[0];
  if (!management) throw new Error("no clusters");
  const fleet = startFleetService({ ...parseEnv({}, "/nowhere"), kubeconfigPaths: [kubeconfig], managementCluster: management.name, listTimeoutMs: 120_000, flushIntervalMs: 100 }, () => undefined);
  cleanups.unshift(() => fleet.stop());
  await Promise.all(handles.map((h) => labRequest(h, "POST", `/apis/install.tetrate.io/v1alpha1/namespaces/${NS}/ingressgateways`, gatewayManifest(NS))));
  await waitForSnapshot(fleet.snapshots, "synced clusters with addressed gateways", gatewaysReady(NS, C), 20 * 60_000);

  const { writers, events, feed } = instrumentedWriters(handles);
  const started = performance.now();
  // As the console runs it: the planner in its worker thread (when built), not on this event loop.
  const host = defaultPlannerHost((l) => console.log(l));
  cleanups.unshift(() => host.stop());
  const registry = startRegistryOnSource({ mode: "standalone", allowLoopbackGatewayAddresses: true, source: fromFleetSource(fleet.snapshots), host, writerFor: (c) => writers.get(c), resyncMs: 3_600_000, coalesceMs: 100, clusterConcurrency: 4, writeConcurrency: 16, log: values.verbose ? (l) => console.log(`${(performance.now() / 1000).toFixed(2)} ${l}`) : undefined });
  cleanups.unshift(() => registry.stop());
  await untilConverged(registry, fleet);
  const convergedAt = performance.now();
  const last = events.at(-1)?.at ?? started;
  row("objects planned / writes to converge", `${registry.status().clusters.reduce((n, c) => n + c.expected, 0)} / ${events.length}`);
  row("time to converge (last write seen by the cache)", secs(convergedAt - started));
  row("write phase / writes per second", `${secs(last - started)} / ${(events.length / ((last - started) / 1000)).toFixed(0)}`);
  const planStarted = performance.now();
  computeFleetState(fleet.snapshots.current(), { managementCluster: management.name, allowLoopbackGatewayAddresses: true });
  row("plan + diff of one snapshot", secs(performance.now() - planStarted));

  const before = events.length;
  await registry.reconcileNow();
  row("no-op resync writes (running replica, fleet cache)", String(events.length - before));
  row("no-op resync writes (fresh replica, full lists)", String(await noopFromFreshReplica(handles, writers, management.name)));

  const samples = Number(values.samples);
  const latency = await measureLatency(feed, handles, samples, NS, values.verbose ? console.log : undefined);
  row(`change → first remote write, p50 / p95 (${samples} samples)`, `${latency.first.p50.toFixed(0)} ms / ${latency.first.p95.toFixed(0)} ms`);
  row(`change → all ${C - 1} remote writes, p50 / p95`, `${latency.all.p50.toFixed(0)} ms / ${latency.all.p95.toFixed(0)} ms`);
  if (!values["no-leader"]) {
    const takeover = await measureTakeover(management);
    row("leader takeover after a crash (lease 15 s, retry 2 s)", secs(takeover.crashMs));
    row("  … of which after the last renewal's lease expired", secs(takeover.afterExpiryMs));
    row("leader handover on shutdown (lease released)", secs(takeover.releaseMs));
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bench-registry-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  try {
    const kubeconfig = path.join(dir, "kubeconfig");
    const lab = await startLabProcess(kubeconfig);
    cleanups.unshift(() => void lab.kill("SIGTERM"));
    await run(kubeconfig);
  } finally {
    for (const cleanup of cleanups) await cleanup();
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${"measure".padEnd(width)} | value\n${"-".repeat(width)}-+-${"-".repeat(40)}`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)} | ${v}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);

// The registry stage on the lab's `scale` scenario (lab in its own process): an east-west gateway in every cluster
// (the workspace already exposes everything), then: the lab's own write capacity alone (lab-capacity.ts, at the
// registry's concurrency); the registry converging at its production settings (objects, writes, writes/s, and
// their ratio to that capacity); writes during a no-op resync (the running replica, and a fresh one from full
// lists: both must be 0); change → first / all remote writes p50/p95; leader takeover: crash → the new leader's
// first write (takeover-write.ts), and the electors alone (crash, and handover on release).
// `npm run bench:registry` and `npm run bench` both call runRegistryStage.
import { execFile, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parseEnv } from "@/server/env";
import { startFleetService } from "@/server/fleet/service";
import { loadKubeconfig, type ClusterHandle } from "@/server/kube/kubeconfig";
import { createClusterWriter, type ClusterWriter } from "@/server/kube/writer";
import { defaultPlannerHost } from "@/server/model/default-host";
import type { Registry } from "@/server/registry/controller";
import { fromFleetSource } from "@/server/registry/fleet-source";
import { startRegistryOnSource } from "@/server/registry/model-registry";
import { measureLatency, type WriteFeed } from "../bench-registry-latency";
import { measureTakeover } from "../bench-registry-leader";
import { gatewayManifest, gatewaysReady, labRequest, timedWriter, waitForSnapshot, type WriteEvent } from "../bench-registry-steps";
import { startUntil } from "../processes";
import { heapFlagIn } from "./console-flags";
import type { Row } from "./figures";
import type { FreshReplicaResult } from "./fresh-replica";
import { measureLabCapacity } from "./lab-capacity";
import { liveHeapBytes } from "./live-heap";
import { concurrencyNote, registrySettings } from "./registry-defaults";
import { measureTakeoverToWrite } from "./takeover-write";
import type { StageResult } from "./suite-types";

export type RegistryOptions = { clusters: number; services: number; samples: number; leader: boolean; capacityWrites: number; verbose?: boolean };

const NS = "ns-001";
const execFileAsync = promisify(execFile);
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
const heapBound = () => heapFlagIn([...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)]) ?? "V8's default";

async function startLabProcess(o: RegistryOptions, kubeconfig: string): Promise<ChildProcess> {
  const args = ["lab/main.ts", "--scenario", "scale", "--clusters", String(o.clusters), "--services", String(o.services), "--port-base", "0", "--admin-port", "0", "--kubeconfig", kubeconfig];
  return startUntil("node_modules/.bin/tsx", args, /lab ready/, { prefix: "[lab] ", timeoutMs: 20 * 60_000 });
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

function converged(registry: Registry, clusters: number): boolean {
  const status = registry.status();
  return status.clusters.length === clusters && status.clusters.every((c) => !c.stale && c.missing.length + c.different.length + c.extra.length === 0);
}

async function untilConverged(registry: Registry, fleet: ReturnType<typeof startFleetService>, clusters: number): Promise<void> {
  while (!converged(registry, clusters)) {
    await registry.reconcileNow();
    if (converged(registry, clusters)) return;
    await new Promise<void>((resolve) => {
      const off = fleet.snapshots.subscribe(() => (off(), resolve()));
    });
  }
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

function memoryLine(): string {
  const m = process.memoryUsage();
  return `${(performance.now() / 1000).toFixed(2)} memory: RSS ${mib(m.rss)} MiB (peak ${mib(process.resourceUsage().maxRSS * 1024)}), heap ${mib(m.heapUsed)} of ${mib(m.heapTotal)} MiB`;
}

/** The second replica's figures, from its own process (fresh-replica.ts): the size of its heap is its own. */
async function freshReplica(kubeconfig: string, management: string): Promise<FreshReplicaResult> {
  const { stdout } = await execFileAsync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/bench/fresh-replica.ts", kubeconfig, management], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as FreshReplicaResult;
}

async function measure(o: RegistryOptions, kubeconfig: string, cleanups: Array<() => Promise<void> | void>): Promise<StageResult> {
  const rows: Row[] = [];
  const figures: Record<string, unknown> = { clusters: o.clusters, services: o.services };
  const loaded = await loadKubeconfig([kubeconfig], []);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const handles = loaded.clusters;
  const management = handles[0];
  if (!management) throw new Error("no clusters");
  const settings = registrySettings(process.cwd());
  const concurrency = { clusters: Number(settings["cluster concurrency"]), perCluster: Number(settings["write concurrency (per cluster)"]), budget: Number(settings["write budget (all clusters)"]) };
  const fleet = startFleetService({ ...parseEnv({}, "/nowhere"), kubeconfigPaths: [kubeconfig], managementCluster: management.name, listTimeoutMs: 120_000, flushIntervalMs: 100 }, () => undefined);
  cleanups.unshift(() => fleet.stop());
  console.log("bench: an east-west gateway in every cluster…");
  await Promise.all(handles.map((h) => labRequest(h, "POST", `/apis/install.tetrate.io/v1alpha1/namespaces/${NS}/ingressgateways`, gatewayManifest(NS))));
  await waitForSnapshot(fleet.snapshots, "synced clusters with addressed gateways", gatewaysReady(NS, o.clusters), 20 * 60_000);

  console.log(`bench: the lab's write capacity alone (${o.capacityWrites} writes)…`);
  // Every cluster, as the registry writes to every cluster (each gets the others' services). Measured alone before
  // the registry starts and again once it has converged (idle): the machine's load drifts during a run, and the
  // higher of the two is the capacity the ratio divides by.
  const alone = await measureLabCapacity(handles, o.capacityWrites, concurrency, 1);

  console.log("bench: the registry converging…");
  // --verbose: the process's memory every 10 s, to place its peak in the run.
  const memory = o.verbose ? setInterval(() => console.log(memoryLine()), 10_000) : undefined;
  cleanups.unshift(() => clearInterval(memory));
  const { writers, events, feed } = instrumentedWriters(handles);
  const started = performance.now();
  // As the console runs it: the planner in its worker thread (when built), production concurrency and coalescing.
  const host = defaultPlannerHost((l) => console.log(l));
  cleanups.unshift(() => host.stop());
  // The model logs each plan over 500 ms with its time: the first is the cold plan, in the worker.
  let coldPlanMs: number | undefined;
  const log = (l: string) => {
    const planned = /planned the fleet in (\d+) ms/.exec(l);
    if (planned && coldPlanMs === undefined) coldPlanMs = Number(planned[1]);
    if (o.verbose) console.log(`${(performance.now() / 1000).toFixed(2)} ${l}`);
  };
  // freeze: false, as the console runs in production: deep-freezing every snapshot and state is a development check.
  // The resync (and so how long each write's expectation is kept) is the console's default too: a longer one kept
  // every write's expectation for the whole run (~150 MiB at 20 × 500) and made the memory figures the benchmark's.
  const registry = startRegistryOnSource({ mode: "standalone", allowLoopbackGatewayAddresses: true, source: fromFleetSource(fleet.snapshots), host, writerFor: (c) => writers.get(c), log, freeze: false });
  let registryStopped = false;
  const stopRegistry = async () => {
    if (registryStopped) return;
    registryStopped = true;
    await registry.stop();
  };
  cleanups.unshift(stopRegistry);
  await untilConverged(registry, fleet, o.clusters);
  const convergedAt = performance.now();
  // maxRSS (KiB): this process holds what the console's would: the fleet cache, the model, the planner worker.
  // Read before the benchmark's own full collection below, so the figure is the run's, not the measurement's.
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const liveHeap = liveHeapBytes();
  const last = events.at(-1)?.at ?? started;
  const planned = registry.status().clusters.reduce((n, c) => n + c.expected, 0);
  const perSecond = events.length / ((last - started) / 1000);
  console.log("bench: the lab's write capacity alone again, the registry idle…");
  const after = await measureLabCapacity(handles, o.capacityWrites, concurrency, 2);
  const capacity = alone.perSecond >= after.perSecond ? alone : after;
  const rate = (c: typeof alone) => `${c.perSecond.toFixed(0)}/s (${c.writes} in ${c.seconds.toFixed(1)} s${c.failed ? `, ${c.failed} failed` : ""})`;
  rows.push({ figure: "lab write capacity alone (SSA creates/s)", value: capacity.perSecond.toFixed(0), note: `(before the registry ${rate(alone)}, after ${rate(after)}; ${concurrencyNote(settings)})` });
  figures.labCapacity = { before: alone, after, used: capacity.perSecond };
  rows.push({ figure: "registry: objects planned / writes to converge", value: `${planned} / ${events.length}` });
  rows.push({ figure: "registry: convergence time", value: secs(convergedAt - started), note: `(bound 1.5 × objects ÷ capacity = ${secs((1.5 * planned * 1000) / capacity.perSecond)})` });
  rows.push({ figure: "registry: writes/s (÷ lab capacity)", value: `${perSecond.toFixed(0)} (${((perSecond / capacity.perSecond) * 100).toFixed(0)} %)`, note: `(${concurrencyNote(settings)}, production settings)` });
  figures.convergence = { planned, writes: events.length, convergeMs: convergedAt - started, writePhaseMs: last - started, writesPerSecond: perSecond, ratioToCapacity: perSecond / capacity.perSecond };
  rows.push({ figure: "registry: cold plan in the planner worker (request → plan on this thread)", value: coldPlanMs === undefined ? "under 0.5 s" : secs(coldPlanMs) });
  figures.coldPlanMs = coldPlanMs;
  rows.push({ figure: "peak RSS of this process while converging (fleet cache, model, registry, planner worker)", value: gib(peakRss) });
  rows.push({ figure: "main-thread heap live once converged (after a full collection)", value: `${(liveHeap / 2 ** 30).toFixed(2)} GiB`, note: "(fleet cache, plan mirror, registry memos; not the planner worker's heap)" });
  figures.peakRssBytes = peakRss;
  figures.liveHeapBytes = liveHeap;
  const before = events.length;
  await registry.reconcileNow();
  const noopRunning = events.length - before;
  // The second replica (a plan + diff of one snapshot, a fresh registry from full lists) runs after the latency, in
  // its own process as a real one does: in this one, its garbage (gigabytes at 20 × 500) was still being collected
  // while the first samples ran, and its heap is not what this process's bound is sized for.
  console.log(`bench: no-op resync done; ${o.samples} changes → remote writes…`);
  const latency = await measureLatency(feed, handles, o.samples, NS, o.verbose ? console.log : undefined);
  // The whole run's peak so far: convergence, the idle lab-capacity step, the no-op resync and every change.
  const peakRun = process.resourceUsage().maxRSS * 1024;
  rows.push({ figure: "peak RSS of this process to the last change sample", value: gib(peakRun), note: `(heap bound: ${heapBound()})` });
  figures.peakRssRunBytes = peakRun;
  const second = await freshReplica(kubeconfig, management.name);
  rows.push({ figure: "registry: plan + diff of one snapshot (one thread, a second replica)", value: secs(second.planMs) });
  figures.planMs = second.planMs;
  const noopFresh = second.writes;
  rows.push({ figure: "writes during a no-op resync (running / fresh replica)", value: `${noopRunning} / ${noopFresh}` });
  figures.noopResyncWrites = { running: noopRunning, fresh: noopFresh };
  rows.push({ figure: "change → first remote write p50 / p95", value: `${latency.first.p50.toFixed(0)} ms / ${latency.first.p95.toFixed(0)} ms`, note: `(${o.samples} new Services)` });
  rows.push({ figure: `change → all ${o.clusters - 1} remote writes p50 / p95`, value: `${latency.all.p50.toFixed(0)} ms / ${latency.all.p95.toFixed(0)} ms` });
  figures.changeLatency = latency;
  if (o.leader) {
    // The single-replica registry stops: from here only the standby (writing while it leads) may write.
    console.log("bench: leader takeover (waits out the 15 s lease twice)…");
    await stopRegistry();
    const toWrite = await measureTakeoverToWrite(kubeconfig, handles, NS);
    rows.push({ figure: "leader crash → new leader's first write", value: secs(toWrite.crashToFirstWriteMs), note: `(leader after ${secs(toWrite.crashToLeaderMs)}; lease 15 s, retry 2 s)` });
    const takeover = await measureTakeover(management);
    rows.push({ figure: "leader takeover after a crash (electors only)", value: secs(takeover.crashMs), note: `(${secs(takeover.afterExpiryMs)} after the lease expired)` });
    rows.push({ figure: "leader handover on shutdown (lease released)", value: secs(takeover.releaseMs) });
    figures.leader = { ...takeover, ...toWrite };
  }
  return { rows, figures };
}

export async function runRegistryStage(o: RegistryOptions): Promise<StageResult> {
  const cleanups: Array<() => Promise<void> | void> = [];
  const dir = await mkdtemp(path.join(os.tmpdir(), "bench-registry-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  try {
    const kubeconfig = path.join(dir, "kubeconfig");
    const lab = await startLabProcess(o, kubeconfig);
    cleanups.unshift(() => void lab.kill("SIGTERM"));
    return await measure(o, kubeconfig, cleanups);
  } finally {
    for (const cleanup of cleanups) await cleanup();
  }
}


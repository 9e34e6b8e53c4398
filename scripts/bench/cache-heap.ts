// Heap retained by the fleet cache per cached object, measured exactly: the lab runs as a child process, this
// process's heap is measured after full GCs before the fleet service starts and again once every cluster is synced.
// Run: node --expose-gc --import tsx scripts/bench/cache-heap.ts [clusters] [services]
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseEnv } from "../../server/env";
import { startFleetService } from "../../server/fleet/service";
import { waitForSnapshot } from "../../server/testing/wait-for-snapshot";
import { startWaiting, stopChild } from "./processes";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");
const clusters = Number(process.argv[2] ?? 5);
const services = Number(process.argv[3] ?? 500);
const kubeconfig = join(mkdtempSync(join(tmpdir(), "cache-heap-")), "kubeconfig");
const labArgs = ["tsx", "lab/main.ts", "--scenario", "scale", "--clusters", String(clusters), "--services", String(services), "--kubeconfig", kubeconfig, "--port-base", "0", "--admin-port", "0"];
const lab = await startWaiting("npx", labArgs, /lab ready/, process.env, 600_000);
const settle = () => {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
};
const before = settle();
const service = startFleetService({ ...parseEnv({}, "/nowhere"), kubeconfigPaths: [kubeconfig], probeIntervalMs: 60_000 }, () => undefined);
const synced = await waitForSnapshot(service.snapshots, "synced", (s) => s.clusters.length === clusters && s.clusters.every((c) => c.state === "synced"), 300_000);
const objects = synced.clusters.reduce((n, c) => n + Object.values(c.objects).reduce((m, map) => m + map.size, 0), 0);
const after = settle();
service.stop();
// Stop the lab before printing: the benchmark reads the line and then waits for this process to end.
await stopChild(lab.child);
console.log(`cache-heap: ${objects} objects, ${((after - before) / 1024 / 1024).toFixed(1)} MiB retained, ${Math.round((after - before) / objects)} B per cached object`);
process.exit(0);

// Partition soak over wall-clock minutes: east's API is cut off (connections refused) for `--minutes`, with a
// console restart halfway through (the new replica's first sight of east is "unreachable"). Every
// `--interval` seconds it checks that nothing generated from east is deleted or rewritten anywhere (uid and
// resourceVersion of every owned object naming east as a source, in west and north) and that the registry
// reports east stale. Then east comes back and it waits for the fleet to converge, and checks a resync writes
// nothing. The lab runs in its own process; the console is wired as in production (real Lease, 15 s).
// Usage: npm run soak:partition -- [--minutes 3] [--interval 10]
import type { ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadKubeconfig, type ClusterHandle } from "@/server/kube/kubeconfig";
import { startUntil } from "./processes";
import { changes, converged, exposeSeed, generatedFrom, startConsole, type Console } from "./soak-partition-steps";

const { values } = parseArgs({ options: { minutes: { type: "string", default: "3" }, interval: { type: "string", default: "10" } } });
const PARTITION_MS = Number(values.minutes) * 60_000;
const INTERVAL_MS = Number(values.interval) * 1000;
const t0 = performance.now();
const say = (line: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}`);
const failures: string[] = [];
const check = (ok: boolean, line: string) => (say(`${ok ? "ok  " : "FAIL"} ${line}`), ok || failures.push(line));
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 0;
}

async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> {
  const start = performance.now();
  while (!(await ok())) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await pause(250);
  }
  return performance.now() - start;
}

async function watchPartition(consoleOf: () => Console, others: ClusterHandle[], baseline: Map<string, string>, untilMs: number): Promise<void> {
  while (performance.now() < untilMs) {
    await pause(Math.min(INTERVAL_MS, Math.max(0, untilMs - performance.now())));
    const c = consoleOf();
    const diff = changes(baseline, await generatedFrom("east", others));
    const status = c.registry.status();
    const east = status.clusters.find((s) => s.cluster === "east");
    const reasons = [...new Set(status.conditions.map((x) => x.reason))].filter((r) => /Stale|Held/.test(r)).join(",");
    check(diff.deleted.length === 0 && diff.rewritten.length === 0, `${c.name}: ${baseline.size - diff.deleted.length}/${baseline.size} objects from east intact (deleted ${diff.deleted.length}, rewritten ${diff.rewritten.length}); writes so far ${JSON.stringify(c.registry.writes())}`);
    check(east?.stale === true, `${c.name}: east reported stale (leader ${status.leader}; conditions ${reasons || "none"})`);
  }
}

async function soak(kubeconfig: string, adminUrl: string): Promise<void> {
  const loaded = await loadKubeconfig([kubeconfig], []);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const handles = loaded.clusters;
  const byName = (n: string): ClusterHandle => {
    const found = handles.find((h) => h.name === n);
    if (!found) throw new Error(`the lab has no cluster ${n}`);
    return found;
  };
  const others = [byName("west"), byName("north")];
  await exposeSeed(handles, byName("west"));
  let current = startConsole("console-1", kubeconfig, "west", say);
  say(`console-1 converged in ${((await until("console-1 to converge", () => converged(current.registry, 3), 90_000)) / 1000).toFixed(1)} s`);
  const baseline = await generatedFrom("east", others);
  check(baseline.size >= 8, `${baseline.size} objects in west and north name east as their source: ${[...baseline.keys()].map((k) => k.split(" ").slice(0, 2).join(":")).join(", ")}`);

  // The lab writes its admin token beside the kubeconfig; every admin call but /healthz needs it.
  const token = (await readFile(path.join(path.dirname(kubeconfig), "admin-token"), "utf8")).trim();
  const fault = async (mode: string) => {
    const res = await fetch(`${adminUrl}/clusters/east/fault`, { method: "POST", headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ mode }) });
    if (!res.ok) throw new Error(`lab admin answered ${res.status} to a ${mode} fault on east`);
  };
  await fault("refuse");
  const cutAt = performance.now();
  say(`east cut off (connections refused) for ${values.minutes} min`);
  await watchPartition(() => current, others, baseline, cutAt + PARTITION_MS / 2);
  await current.stop();
  say("console-1 stopped (writes finished, Lease released); starting console-2, which has never seen east");
  current = startConsole("console-2", kubeconfig, "west", say);
  await watchPartition(() => current, others, baseline, cutAt + PARTITION_MS);

  await fault("none");
  say("east restored");
  const ms = await until("the fleet to converge after east returned", () => converged(current.registry, 3), 120_000);
  say(`converged ${(ms / 1000).toFixed(1)} s after east returned`);
  const after = changes(baseline, await generatedFrom("east", others));
  check(after.deleted.length === 0, `after the partition: ${baseline.size - after.deleted.length}/${baseline.size} objects from east kept their uid (rewritten ${after.rewritten.length}, new ${after.added.length})`);
  const before = current.registry.writes();
  await current.registry.reconcileNow();
  await current.registry.reconcileNow();
  check(JSON.stringify(current.registry.writes()) === JSON.stringify(before), `a resync after convergence writes nothing (${JSON.stringify(current.registry.writes())})`);
  await current.stop();
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "soak-partition-"));
  const kubeconfig = path.join(dir, "kubeconfig");
  const adminPort = await freePort();
  let lab: ChildProcess | undefined;
  try {
    lab = await startUntil("node_modules/.bin/tsx", ["lab/main.ts", "--scenario", "demo", "--port-base", "0", "--admin-port", String(adminPort), "--kubeconfig", kubeconfig], /lab ready/, { prefix: "[lab] " });
    await soak(kubeconfig, `http://127.0.0.1:${adminPort}`);
  } finally {
    lab?.kill("SIGTERM");
    await rm(dir, { recursive: true, force: true });
  }
  say(failures.length === 0 ? "PASS: every check held" : `FAIL: ${failures.length} check(s) failed:\n  ${failures.join("\n  ")}`);
  process.exit(failures.length === 0 ? 0 : 1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

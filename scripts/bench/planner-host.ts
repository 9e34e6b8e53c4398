// The planner host (server/model/planner-host.ts) on a synthetic fleet shaped like the lab's `scale` scenario
// (C clusters × S services, one workspace exposing everything, an east-west gateway with three addresses per
// cluster): the cold plan's wall time, the longest the main thread was blocked meanwhile (a 1 ms timer's
// largest lateness: deserialising one reply part, patching the mirror, sending the input), a one-service
// change, and forks of a 50-service exposure change and of a gateway removal.
// Usage: npx tsx scripts/bench/planner-host.ts [--clusters 20] [--services 500]
import { monitorEventLoopDelay, performance, PerformanceObserver } from "node:perf_hooks";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { ClusterInput, PlanInput } from "@/lib/plan/input";
import { cluster, eastWestGateway, gatewayService, service, workspace } from "@/lib/plan/test-fixtures";
import { createPlannerHost } from "@/server/model/planner-host";
import { buildModelWorkerIfNeeded } from "../build-model-worker";

const { values } = parseArgs({ options: { clusters: { type: "string", default: "20" }, services: { type: "string", default: "500" } } });
const C = Number(values.clusters);
const S = Number(values.services);
const pad = (n: number, w: number) => String(n).padStart(w, "0");
const nsOf = (s: number) => `ns-${pad(Math.floor(s / 25) + 1, 3)}`;
const names = Array.from({ length: S }, (_, s) => ({ name: `svc-${pad(s + 1, 4)}`, namespace: nsOf(s) }));
const namespaces = [...new Set(names.map((n) => n.namespace))];

const clusterAt = (i: number): ClusterInput =>
  cluster(`c${pad(i + 1, 2)}`, {
    locality: `region-${i % 4}/zone-${i}`,
    namespaces: ["xcp-multicluster", "bookinfo", ...namespaces],
    services: [...names.map((n) => service(n.name, n.namespace)), gatewayService()],
    gateways: [eastWestGateway([1, 2, 3].map((h) => `10.${i + 1}.0.${h}`))],
  });
const ws = (exposed?: string[]) => workspace(exposed, { name: "scale-ws", namespaceSelector: ["*/ns-*"] });
const input: PlanInput = { clusters: Array.from({ length: C }, (_, i) => clusterAt(i)), workspaces: [ws()] };

// The main thread's garbage-collection pauses: with the mirrored plan (~580,000 objects at 20 × 500) on its
// heap, a major GC is the other thing that blocks it.
let gcWorst = 0;
const steps = { send: 0, part: 0, parts: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcWorst = Math.max(gcWorst, entry.duration);
}).observe({ entryTypes: ["gc"] });

// The machine is shared: wall-clock lateness includes time the OS gave other processes. The main thread's own
// CPU time (Linux: utime + stime of its task, in 10 ms ticks) says what the planner host itself cost it.
function mainThreadCpuMs(): number {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Runs `work` while a 1 ms timer measures how late the event loop runs it (the main thread's longest block). */
async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 1);
    last = now;
  }, 1);
  histogram.enable();
  gcWorst = 0;
  Object.assign(steps, { send: 0, part: 0, parts: 0 });
  const started = performance.now();
  const cpu = mainThreadCpuMs();
  const result = await work();
  const wall = performance.now() - started;
  const mainCpu = mainThreadCpuMs() - cpu;
  clearInterval(timer);
  histogram.disable();
  const p99 = histogram.percentile(99) / 1e6;
  console.log(`${label.padEnd(44)} wall ${wall.toFixed(0).padStart(7)} ms   main thread blocked max ${worst.toFixed(1).padStart(6)} ms   loop delay p99 ${p99.toFixed(1)} ms   longest GC ${gcWorst.toFixed(1)} ms`);
  console.log(`${"".padEnd(44)} host steps: send ${steps.send.toFixed(1)} ms, ${steps.parts} reply parts, longest ${steps.part.toFixed(1)} ms; main thread CPU ${mainCpu} ms in all`);
  return result;
}

const count = (r: { clusters: Record<string, unknown[]> }) => Object.values(r.clusters).reduce((n, c) => n + c.length, 0);

await buildModelWorkerIfNeeded();
const host = createPlannerHost({
  observe: ({ kind, ms, part, objects }) => {
    if (ms > 100) console.log(`  slow step: ${kind} ${part ?? ""} ${objects ?? ""} ${ms.toFixed(0)} ms`);
    if (kind === "send") steps.send = Math.max(steps.send, ms);
    else Object.assign(steps, { part: Math.max(steps.part, ms), parts: steps.parts + 1 });
  },
});
console.log(`fleet: ${C} clusters × ${S} services, one workspace exposing everything, gateways everywhere`);
const first = await timed("cold plan (worker)", () => host.plan(input));
console.log(`  ${count(first)} objects planned`);
const [c0, c1, ...rest] = input.clusters as [ClusterInput, ClusterInput, ...ClusterInput[]];
const oneMore: PlanInput = { ...input, clusters: [c0, { ...c1, services: [...c1.services, service("bench-1", "ns-001")] }, ...rest] };
await timed("one new service, round trip", () => host.plan(oneMore));
await timed("same input again", () => host.plan(oneMore));
const fewer = names.slice(50).map((n) => `${n.name}.${n.namespace}.svc.cluster.local`);
const exposure = await timed("fork: 50 services no longer exposed", () => host.fork({ ...oneMore, workspaces: [ws(fewer)] }));
const changedClusters = Object.values(exposure.delta.clusters);
console.log(`  delta: ${changedClusters.length} clusters, ${changedClusters.reduce((n, d) => n + (d.kind === "patch" ? d.upserts.length + d.removes.length : d.objects.length), 0)} objects/ids`);
const removal = await timed("fork: c01's gateway removed", () => host.fork({ ...oneMore, clusters: [{ ...c0, gateways: [] }, ...oneMore.clusters.slice(1)] }));
console.log(`  delta: ${Object.keys(removal.delta.clusters).length} clusters changed`);
await timed("one more service after the forks", () => host.plan({ ...oneMore, clusters: [c0, { ...c1, services: [...c1.services, service("bench-2", "ns-001")] }, ...rest] }));
await host.stop();

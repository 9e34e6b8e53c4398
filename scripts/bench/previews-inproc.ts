// `npm run bench:previews`: the console's own main-thread work for #10's team run on the synthetic converged fleet
// (synthetic-model.ts: C × S, one workspace, gateways everywhere) — no lab, no HTTP, no dry-run — so the event
// loop's delay is what the model, the previews' consequences and the page's detail cost, not the machine's other
// processes. Runs at once, as a team would: `--exposure` previews (each narrows the workspace to all but
// `--narrow` services: consequences in every cluster), `--removal` gateway-removal consequences (one cluster
// each), `--detail` workspace.detail answers and as many failover-table pages, each serialised as tRPC would (JSON.stringify). Prints p50/p95
// per kind and the loop delay; with BENCH_LATE=1, the late-timer windows (on --cpu-prof's clock) for an analyzer.
// Usage: npm run bench:previews -- [--clusters 20] [--services 500] [--narrow 50] [--exposure 10] [--removal 10] [--detail 100]
import { writeFileSync } from "node:fs";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { WorkspaceDeps } from "@/server/workspaces/deps";
import { exposureConsequences } from "@/server/workspaces/exposure-consequences";
import { boundPreview } from "@/server/workspaces/fleet-input";
import { createInFlight } from "@/server/workspaces/in-flight";
import { localEndpointCounts } from "@/server/workspaces/local-endpoint-counts";
import { registryMemosOf, viewMemoOf } from "@/server/workspaces/view-memo";
import { workspaceDetail } from "@/server/workspaces/workspace-detail";
import { workspaceFailover } from "@/server/workspaces/workspace-failover";
import { MAX_LISTED_CONSEQUENCES } from "@/lib/workspace-view/consequence-cap";
import { percentile } from "./figures";
import { startSyntheticModel } from "./synthetic-model";
import { runTeam, type CallKind } from "./team-load";

const { values } = parseArgs({
  options: {
    clusters: { type: "string", default: "20" },
    services: { type: "string", default: "500" },
    narrow: { type: "string", default: "50" },
    exposure: { type: "string", default: "10" },
    removal: { type: "string", default: "10" },
    detail: { type: "string", default: "100" },
  },
});
const n = (k: keyof typeof values) => Number(values[k]);

const fleet = await startSyntheticModel({ clusters: n("clusters"), services: n("services") });
const { model } = fleet;
const state = await fleet.state();
const ws = state.adapted.input.workspaces[0];
if (!ws?.setting) throw new Error("the synthetic fleet has no workspace with a setting");
const deps: WorkspaceDeps = { model, writerFor: () => undefined, settingsApi: async () => ({ form: "seed", served: true }), inFlight: createInFlight() };
const fqdns = [...new Set(state.adapted.input.clusters.flatMap((c) => c.services.map((s) => `${s.name}.${s.namespace}.svc.cluster.local`)))].sort();
console.log(`fleet ${n("clusters")} × ${n("services")}: planned in ${(fleet.plannedMs / 1000).toFixed(1)} s (${fleet.worker ? "planner worker" : "in process"}); ${fqdns.length} services in workspace ${ws.name}`);

// Warm, as the page would have been opened before the team arrives.
await workspaceDetail(deps, ws.name);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
console.log(`heap used ${mib(process.memoryUsage().heapUsed)} converged (fleet cache, model, observed views, memos), RSS ${mib(process.memoryUsage().rss)}`);
const observed = { clusters: state.registry.observed, memos: registryMemosOf(model) };
const setting = ws.setting;
// Each answer's size as JSON, per kind (serialising it is part of the event loop's work, as tRPC does it).
const sizes = new Map<string, number[]>();
const sized = (kind: string, value: unknown) => {
  const length = JSON.stringify(value).length;
  sizes.set(kind, [...(sizes.get(kind) ?? []), length]);
};
const exposure = Array.from({ length: n("exposure") }, (_, i) => async () => {
  // Each call leaves a different run of `narrow` services out: consequences in every cluster.
  const out = new Set(fqdns.slice((i * n("narrow")) % fqdns.length).slice(0, n("narrow")));
  const result = await exposureConsequences(boundPreview(model), ws.name, { ...setting, exposedServices: fqdns.filter((f) => !out.has(f)) }, observed);
  sized("exposure preview", result);
});
const removal = Array.from({ length: n("removal") }, (_, i) => async () => {
  const cluster = fleet.clusterNames[(i + 1) % fleet.clusterNames.length] ?? "";
  // As gateway-remove.ts asks: the fork and its sentences in the planner worker, with each cluster's live endpoints.
  const local = await localEndpointCounts(viewMemoOf(model), (await fleet.state()).snapshot);
  const { answer } = await model.preview((input) => ({ ...input, clusters: input.clusters.map((c) => (c.name !== cluster ? c : { ...c, gateways: [] })) }), { kind: "loss", lostSource: cluster, local, listLimit: MAX_LISTED_CONSEQUENCES });
  sized("gateway-removal preview", answer);
});
const detail = Array.from({ length: n("detail") }, () => async () => sized("workspace.detail", await workspaceDetail(deps, ws.name)));
// The failover table's pages (25 services each, every cluster's cells), as the open pages page through it.
const pages = Array.from({ length: n("detail") }, (_, i) => async () => sized("workspace.failover page", await workspaceFailover(deps, { workspace: ws.name, offset: (i * 25) % fqdns.length, limit: 25 })));
// Each call starts in a macrotask of its own, as a request read from a socket does (a memoized answer otherwise
// chains every call of a user into one microtask run).
const asRequest = (call: () => Promise<unknown>) => async () => {
  await new Promise((resolve) => setImmediate(resolve));
  return call();
};
const kinds: CallKind[] = [
  { name: "exposure preview", users: 2, calls: exposure.map(asRequest) },
  { name: "gateway-removal preview", users: 2, calls: removal.map(asRequest) },
  { name: "workspace.detail", users: 5, calls: detail.map(asRequest) },
  { name: "workspace.failover page", users: 5, calls: pages.map(asRequest) },
];

const late: Array<[number, number]> = [];
let last = process.hrtime.bigint();
const ticker = setInterval(() => {
  const now = process.hrtime.bigint();
  if (now - last > 40_000_000n) late.push([Number(last / 1000n), Number(now / 1000n)]);
  last = now;
}, 5);
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const elu = performance.eventLoopUtilization();
const started = performance.now();
const results = await runTeam(kinds);
const runMs = performance.now() - started;
loop.disable();
clearInterval(ticker);
const used = performance.eventLoopUtilization(elu);

for (const r of results) {
  const failed = r.failures.length > 0 ? `, ${r.failures.length} FAILED: ${r.failures[0]}` : "";
  console.log(`${r.name.padEnd(24)} p50 ${percentile(r.latencies, 50).toFixed(0)} ms / p95 ${percentile(r.latencies, 95).toFixed(0)} ms (${r.latencies.length} calls${failed}); answer ${(percentile(sizes.get(r.name) ?? [], 50) / 1024).toFixed(0)} KiB`);
}
const longest = late.map(([a, b]) => (b - a) / 1000).sort((a, b) => b - a);
console.log(`run ${(runMs / 1000).toFixed(1)} s; event loop: utilisation ${(used.utilization * 100).toFixed(0)} %, delay p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, max ${(loop.max / 1e6).toFixed(0)} ms; timers > 40 ms late: ${late.length} (longest ${longest.slice(0, 5).map((x) => x.toFixed(0)).join(", ")} ms)`);
if (process.env.BENCH_LATE) writeFileSync(process.env.BENCH_LATE, JSON.stringify(late));
await fleet.stop();

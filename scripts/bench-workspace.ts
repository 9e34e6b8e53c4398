// `npm run bench:workspace`: how the workspace page's API behaves on a big fleet — the lab's `scale` scenario
// (default 20 clusters × 500 services, one workspace over every namespace). Starts the lab and the built console
// with the registry in observe mode (so it plans and compares but the 10^5 generated objects are not written
// during the measurement), then times over HTTP: workspace.list, workspace.detail, the gateway preview (a
// server-side dry-run in every cluster) and the exposure preview (diff against live, dry-run, and the planner's
// consequences for every cluster). Bounded; stops everything it started.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GatewayPreview, WorkspaceDetail } from "@/lib/workspace-view/types";
import { buildIfNeeded } from "./build-if-needed";
import { waitForSynced } from "./bench/console-probe";
import { ms, percentile, printTable, type Row } from "./bench/figures";
import { startScaleLab, startWaiting, stopChild } from "./bench/processes";
import { timeCalls, trpcCall } from "./bench/trpc-http";

const CLUSTERS = Number(process.env.BENCH_CLUSTERS ?? 20);
const SERVICES = Number(process.env.BENCH_SERVICES ?? 500);
const PORT = Number(process.env.BENCH_PORT ?? 3191);
const BASE = `http://127.0.0.1:${PORT}`;
const WORKSPACE = "scale-ws";

const root = process.cwd();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const kubeconfig = join(mkdtempSync(join(tmpdir(), "bench-workspace-")), "kubeconfig");
const watchdog = setTimeout(() => {
  console.error("bench: gave up after 15 minutes");
  process.exit(1);
}, 15 * 60_000);

function latencyRows(name: string, values: number[], note: string): Row[] {
  return [
    { figure: `${name} p50`, value: ms(percentile(values, 50)), note },
    { figure: `${name} p95`, value: ms(percentile(values, 95)) },
  ];
}

await buildIfNeeded(root);
const lab = await startScaleLab(CLUSTERS, SERVICES, kubeconfig, env);
let consoleProc: Awaited<ReturnType<typeof startWaiting>> | undefined;
const rows: Row[] = [];
try {
  console.log("bench: starting the console (registry in observe mode)…");
  consoleProc = await startWaiting("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(PORT)], /Ready in/i, { ...env, KUBECONFIG: kubeconfig, EASTWEST_REGISTRY_MODE: "observe", EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES: "true" }, 120_000);
  const synced = await waitForSynced(BASE, CLUSTERS, 300_000);
  rows.push({ figure: "cached objects", value: String(synced.objects) });

  const detail = await trpcCall<WorkspaceDetail>(BASE, "workspace.detail", "query", { workspace: WORKSPACE });
  rows.push({ figure: "workspace services / clusters", value: `${detail.services.length} / ${detail.clusters.length}` });
  rows.push(...latencyRows("workspace.list", await timeCalls(30, 3, () => trpcCall(BASE, "workspace.list", "query", undefined)), "(HTTP, sequential, 30 calls)"));
  rows.push(...latencyRows("workspace.detail", await timeCalls(30, 3, () => trpcCall(BASE, "workspace.detail", "query", { workspace: WORKSPACE })), "(HTTP, sequential, 30 calls)"));

  const clusters = detail.clusters.map((c) => c.name);
  const gateway = { workspace: WORKSPACE, clusters };
  const preview = await trpcCall<GatewayPreview>(BASE, "workspace.gatewayPreview", "mutation", gateway);
  const dryRunsOk = preview.clusters.filter((c) => c.dryRun.ok).length;
  rows.push(...latencyRows(`gateway preview (${clusters.length} dry-runs)`, await timeCalls(10, 1, () => trpcCall(BASE, "workspace.gatewayPreview", "mutation", gateway)), `(${dryRunsOk}/${clusters.length} dry-runs ok)`));

  const chosen = detail.services.slice(0, 50).map((s) => s.fqdn);
  const exposure = { workspace: WORKSPACE, exposure: { mode: "selected", services: chosen } };
  rows.push(...latencyRows(`exposure preview (${chosen.length} services)`, await timeCalls(10, 1, () => trpcCall(BASE, "workspace.exposurePreview", "mutation", exposure)), "(diff + dry-run + planner consequences for every cluster)"));
} finally {
  if (consoleProc) await stopChild(consoleProc.child);
  await stopChild(lab.child);
}
clearTimeout(watchdog);
printTable(`Workspace API on ${CLUSTERS} clusters × ${SERVICES} services`, rows);

// The web stage on the lab's `demo` scenario (bookinfo in three clusters, lab in its own process) against the built
// console (`next start`, registry standalone as `npm run demo` runs it): LCP, the longest main-thread task and CLS
// of the overview, workspace, topology and drills pages (web-vitals.ts). The `scale` pages are measured by the
// fleet stage on its own console.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "@playwright/test";
import { waitForSynced } from "./console-probe";
import { consolePages } from "./fleet-run";
import { startConsole, startWaiting, stopChild } from "./processes";
import type { StageResult } from "./suite-types";
import { trpcCall } from "./trpc-http";
import { launchChromium, measurePages, vitalsRows } from "./web-vitals";

export type WebDemoOptions = { port: number; runs: number };

export async function runWebDemoStage(o: WebDemoOptions): Promise<StageResult> {
  const base = `http://127.0.0.1:${o.port}`;
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const kubeconfig = join(mkdtempSync(join(tmpdir(), "bench-web-demo-")), "kubeconfig");
  console.log("bench: starting the lab (demo)…");
  const lab = await startWaiting("npx", ["tsx", "lab/main.ts", "--scenario", "demo", "--kubeconfig", kubeconfig, "--port-base", "0", "--admin-port", "0"], /lab ready/, env, 300_000);
  let consoleProc: Awaited<ReturnType<typeof startWaiting>> | undefined;
  let browser: Browser | undefined;
  try {
    const consoleEnv = { ...env, KUBECONFIG: kubeconfig, EASTWEST_REGISTRY_MODE: "standalone", EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES: "true" };
    consoleProc = await startConsole(o.port, consoleEnv);
    await waitForSynced(base, 3, 120_000);
    const workspaces = await trpcCall<Array<{ name: string }>>(base, "workspace.list", "query", undefined);
    browser = await launchChromium();
    const vitals = await measurePages(browser, base, consolePages(workspaces[0]?.name), o.runs);
    return { rows: vitalsRows("demo", vitals), figures: { web: vitals } };
  } finally {
    await browser?.close();
    if (consoleProc) await stopChild(consoleProc.child);
    await stopChild(lab.child);
  }
}

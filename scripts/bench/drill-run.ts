// The drill stage: a ScaleToZero drill on details in west, on the demo lab (bookinfo in three clusters, an
// east-west gateway in each, details and reviews exposed, the lab's data plane and its pod start-up delay as
// `npm run lab` runs them) with the console's runtime in this process as production runs it (fleet cache, model,
// registry standalone on its Lease, the drill runner). The drill's own report gives the figures: time to shift
// (fault → first request served by east) and time to restore (end → details-v1 ready again in west), and the
// requests that failed meanwhile. `reps` drills one after another; the table prints the medians.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLab } from "@/lab/start";
import { parseEnv } from "@/server/env";
import { startRuntime } from "@/server/runtime";
import { KUBECTL } from "@/server/testing/kubectl-path";
import { percentile, type Row } from "./figures";
import type { StageResult } from "./suite-types";
import { EXPOSE_DETAILS_AND_REVIEWS } from "@/server/registry/test/lab-fixture";

const GATEWAY = "apiVersion: install.tetrate.io/v1alpha1\nkind: IngressGateway\nmetadata: { name: eastwest-gateway, namespace: bookinfo }\nspec: { eastWestOnly: true }\n";
const CLUSTERS = ["west", "east", "north"];
const INPUT = { cluster: "west", namespace: "bookinfo", service: "details", fault: "ScaleToZero" as const, maxDuration: "60s" };

type DrillStatus = { phase?: string; verdict?: string; reason?: string; timeToShiftSeconds?: number; timeToRestoreSeconds?: number; failedRequests?: number };
export type DrillOptions = { reps: number };

/** Polls `check` every 250 ms until it returns a value; throws naming `what` after `timeoutMs`. */
async function until<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`bench: ${what} not reached within ${timeoutMs} ms`);
}

export async function runDrillStage({ reps }: DrillOptions): Promise<StageResult> {
  const dir = await mkdtemp(join(tmpdir(), "bench-drill-"));
  const lab = await startLab({ scenario: "demo", portBase: 0, adminPort: 0, kubeconfigPath: join(dir, "kubeconfig") });
  const kubectl = (context: string, args: string[], stdin?: string) =>
    new Promise<string>((resolve, reject) => {
      const child = execFile(KUBECTL, ["--kubeconfig", lab.kubeconfigPath, "--context", context, ...args], { timeout: 30_000 }, (err, out, stderr) => (err ? reject(new Error(`kubectl ${args.join(" ")}: ${stderr || err.message}`)) : resolve(out)));
      if (stdin !== undefined) child.stdin?.end(stdin);
    });
  const settings = parseEnv({ KUBECONFIG: lab.kubeconfigPath, EASTWEST_REGISTRY_MODE: "standalone", EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES: "true" }, "/nowhere");
  const runtime = startRuntime(settings, () => undefined);
  try {
    await kubectl("west", ["apply", "-f", "-"], EXPOSE_DETAILS_AND_REVIEWS);
    for (const c of CLUSTERS) await kubectl(c, ["apply", "-f", "-"], GATEWAY);
    await until("a converged plan for details in west", 180_000, async () => {
      const plan = await runtime.drills.plan(INPUT);
      return plan.ok && plan.checks.every((c) => c.ok) ? plan : undefined;
    });
    const reports: DrillStatus[] = [];
    for (let i = 0; i < reps; i++) {
      const started = await runtime.drills.start(INPUT);
      if (!started.ok) throw new Error(started.refusal.message);
      const status = await until(`drill ${started.ref.name} finished`, 180_000, async () => {
        const drill = JSON.parse(await kubectl("west", ["get", "failoverdrills.eastwest.dev", started.ref.name, "-n", "bookinfo", "-o", "json"])) as { status?: DrillStatus };
        return ["Succeeded", "Failed", "Aborted"].includes(drill.status?.phase ?? "") ? drill.status : undefined;
      });
      console.log(`bench: drill ${i + 1}/${reps}: ${status?.phase} ${status?.verdict ?? ""}, shift ${status?.timeToShiftSeconds} s, restore ${status?.timeToRestoreSeconds} s`);
      reports.push(status ?? {});
      // The next drill's precheck needs details-v1 back and ready (the runner restores it before the final phase).
      await until("details-v1 ready in west", 120_000, async () => ((await kubectl("west", ["get", "deploy", "details-v1", "-n", "bookinfo", "-o", "jsonpath={.status.readyReplicas}"])).trim() === "1" ? true : undefined));
    }
    const med = (k: keyof DrillStatus) => percentile(reports.map((r) => Number(r[k])).filter(Number.isFinite), 50);
    const rows: Row[] = [
      { figure: "drill ScaleToZero: time to shift / to restore", value: `${med("timeToShiftSeconds").toFixed(1)} s / ${med("timeToRestoreSeconds").toFixed(1)} s`, note: `(median of ${reps}; ${reports.map((r) => `${r.phase}/${r.verdict ?? "-"}`).join(", ")}; demo lab)` },
      { figure: "drill ScaleToZero: failed requests", value: String(med("failedRequests")) },
    ];
    return { rows, figures: { drills: reports } };
  } finally {
    await runtime.stop();
    await lab.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

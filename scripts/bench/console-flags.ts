// Benchmarks that run the console's own parts in their process (the registry stage: the fleet cache, the fleet
// model, the registry and its planner worker) stand in for the console's process, so they run with the console's
// Node flags (CONSOLE_NODE_FLAGS, as the image, the demo and the e2e consoles start it) and the heap bound its
// Deployment gives it (deploy/base/deployment.yaml, NODE_OPTIONS), and set what the console sets for its process
// when it starts (server/startup/process-settings.ts). V8 takes the flags only when a process starts (it sizes the
// young generation once), hence a re-run. Without the flags, at 20 × 500, perf found 41 % of the
// benchmark's main thread in young-generation collections while the registry converged: the figure was the
// benchmark's collector, not the registry. Without the bound, V8 on this 24 GiB machine let the heap grow to up to
// four times what survived each full collection (3.5 GiB of RSS for 0.84 GiB live): a figure no pod would show.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { z } from "zod";
import { CONSOLE_NODE_FLAGS } from "../../e2e/support/standalone";
import type { Lowered } from "@/server/startup/helper-threads";
import { applyProcessSettings } from "@/server/startup/process-settings";

const HEAP_FLAG = /^--max-old-space-size=\d+$/;

const deployment = z.object({
  kind: z.literal("Deployment"),
  spec: z.object({ template: z.object({ spec: z.object({ containers: z.array(z.object({ env: z.array(z.object({ name: z.string(), value: z.string().optional() })).optional() })) }) }) }),
});

/** The `--max-old-space-size=…` flag of the console Deployment's NODE_OPTIONS (a manifest's text). */
export function deployedHeapFlag(manifest: string): string {
  for (const doc of parseAllDocuments(manifest)) {
    const parsed = deployment.safeParse(doc.toJS());
    if (!parsed.success) continue;
    const options = parsed.data.spec.template.spec.containers.flatMap((c) => c.env ?? []).find((e) => e.name === "NODE_OPTIONS")?.value ?? "";
    const flag = options.split(/\s+/).find((token) => HEAP_FLAG.test(token));
    if (flag) return flag;
  }
  throw new Error("the console's Deployment sets no --max-old-space-size in NODE_OPTIONS");
}

/** The `--max-old-space-size=…` flag among `tokens` (a process's execArgv, NODE_OPTIONS' words), if any. */
export function heapFlagIn(tokens: readonly string[]): string | undefined {
  return tokens.find((token) => token.startsWith("--max-old-space-size="));
}

/**
 * The flags a benchmark standing in for the console runs with: the console's, and the Deployment's heap bound
 * unless NODE_OPTIONS sets one already (an operator's larger pod, say: the benchmark then measures that).
 */
export function benchNodeFlags(nodeOptions: string | undefined, manifest: string): string[] {
  return heapFlagIn((nodeOptions ?? "").split(/\s+/)) ? [...CONSOLE_NODE_FLAGS] : [...CONSOLE_NODE_FLAGS, deployedHeapFlag(manifest)];
}

/** Whether this process was started with every one of `flags`. */
export function hasFlags(flags: readonly string[], execArgv: readonly string[] = process.execArgv): boolean {
  return flags.every((flag) => execArgv.includes(flag));
}

/**
 * Makes this process the console's: without the console's Node flags and heap bound, runs this same script again
 * with them (its loader flags and arguments kept) and exits with its exit code; with them, sets what the console
 * sets when its server starts (applyProcessSettings: the collector's settings, helper threads below the event loop)
 * and says whether the helper threads were lowered.
 */
export function runAsConsoleProcess(): Lowered {
  const flags = benchNodeFlags(process.env.NODE_OPTIONS, readFileSync("deploy/base/deployment.yaml", "utf8"));
  if (hasFlags(flags)) return applyProcessSettings();
  const result = spawnSync(process.execPath, [...flags, ...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}

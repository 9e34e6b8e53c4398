// Benchmarks that run the console's own parts in their process (the registry stage: the fleet cache, the fleet
// model, the registry and its planner worker) stand in for the console's process, so they run with the console's
// Node flags (CONSOLE_NODE_FLAGS, as the image, the demo and the e2e consoles start it). V8 takes those only when a
// process starts (it sizes the young generation once), hence a re-run. Without them, at 20 × 500, perf found 41 % of
// the benchmark's main thread in young-generation collections while the registry converged: the figure was the
// benchmark's collector, not the registry.
import { spawnSync } from "node:child_process";
import { CONSOLE_NODE_FLAGS } from "../../e2e/support/standalone";

/** Whether this process was started with every one of the console's Node flags. */
export function hasConsoleFlags(execArgv: readonly string[] = process.execArgv): boolean {
  return CONSOLE_NODE_FLAGS.every((flag) => execArgv.includes(flag));
}

/**
 * Returns at once when this process has the console's Node flags; otherwise runs this same script again with them
 * (its loader flags and arguments kept) and exits with its exit code.
 */
export function ensureConsoleFlags(): void {
  if (hasConsoleFlags()) return;
  const result = spawnSync(process.execPath, [...CONSOLE_NODE_FLAGS, ...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}

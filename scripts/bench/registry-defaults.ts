// The registry's production settings as the console runs them (no override: the benchmark reports what a user
// gets). They are literals in the registry's wiring, so they are read from its source, not restated here: the
// printed figures then always name the settings of the code that was measured.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_LEADER_TIMINGS } from "@/server/registry/leader-election";

const PATTERNS: Array<[string, string, RegExp]> = [
  ["write concurrency (per cluster)", "server/registry/controller.ts", /writeConcurrency: deps\.writeConcurrency \?\? ([\d_]+)/],
  ["cluster concurrency", "server/registry/controller.ts", /pLimit\(deps\.clusterConcurrency \?\? ([\d_]+)\)/],
  ["write budget (all clusters)", "server/registry/controller.ts", /deps\.writeBudget \?\? ([\d_]+)/],
  ["coalesce (ms)", "server/registry/controller.ts", /coalesceMs: deps\.coalesceMs \?\? ([\d_]+)/],
  ["resync (ms)", "server/registry/controller.ts", /resyncMs = deps\.resyncMs \?\? ([\d_]+)/],
  ["write timeout (ms)", "server/registry/service.ts", /writeTimeoutMs \?\? ([\d_]+)/],
];

export type RegistrySettings = Record<string, string>;

export function registrySettings(root: string): RegistrySettings {
  const out: RegistrySettings = {};
  for (const [name, file, pattern] of PATTERNS) {
    let text = "";
    try {
      text = readFileSync(join(root, file), "utf8");
    } catch {
      // a file moved: reported as unknown
    }
    out[name] = pattern.exec(text)?.[1]?.replace(/_/g, "") ?? "unknown (not found in the source)";
  }
  const t = DEFAULT_LEADER_TIMINGS;
  out["lease duration / renew deadline / retry (ms)"] = `${t.leaseDurationMs} / ${t.renewDeadlineMs} / ${t.retryPeriodMs}`;
  return out;
}

/** "writes in flight: 8 per cluster, 32 in all, 4 clusters converging at a time": how registry figures name it. */
export function concurrencyNote(s: RegistrySettings): string {
  return `writes in flight: ${s["write concurrency (per cluster)"]} per cluster, ${s["write budget (all clusters)"]} in all, ${s["cluster concurrency"]} clusters converging at a time`;
}

// The registry's progress as the console reports it (registry.status, fleet-wide, one row): when it first has a
// plan (planned objects > 0), when it first wrote, and when it converged — every cluster fresh and nothing
// missing, different or extra (bench-registry.ts's test), with the write counter unchanged since the last poll.
import type { RegistryStatusPage } from "@/lib/registry/status-contract";
import { trpcCall } from "./trpc-http";

export type Progress = { firstPlanAt?: number; firstWriteAt?: number; convergedAt?: number; lastAt?: number; last?: RegistryStatusPage };

export function registryStatus(base: string): Promise<RegistryStatusPage> {
  return trpcCall<RegistryStatusPage>(base, "registry.status", "query", { limit: 1 });
}

export const planned = (p: RegistryStatusPage) => p.summary.reduce((n, c) => n + c.expected, 0);
export const inSync = (p: RegistryStatusPage) => p.summary.reduce((n, c) => n + c.inSync, 0);
export const outOfSync = (p: RegistryStatusPage) => p.summary.reduce((n, c) => n + c.missing + c.different + c.extra, 0);

function isConverged(page: RegistryStatusPage, previous: RegistryStatusPage | undefined, clusters: number): boolean {
  const fresh = page.summary.length === clusters && page.summary.every((c) => !c.stale);
  return fresh && planned(page) > 0 && outOfSync(page) === 0 && previous?.writes.applied === page.writes.applied;
}

/**
 * Polls until converged or `deadline` (performance.now() ms): every `everyMs` until the first write, then every
 * `writingEveryMs` — a registry page's counts cost the console what changed since the last poll, and polling a
 * converging 20 × 500 fleet every second was a sixth of its event loop. `log` gets a line every ~30 s.
 */
export async function waitForConvergence(base: string, clusters: number, deadline: number, log: (line: string) => void, everyMs = 1_000, writingEveryMs = 5_000): Promise<Progress> {
  const progress: Progress = {};
  let lastLog = 0;
  while (performance.now() < deadline) {
    const page = await registryStatus(base).catch(() => undefined);
    const at = performance.now();
    if (page) {
      if (progress.firstPlanAt === undefined && planned(page) > 0) progress.firstPlanAt = at;
      // The write counters move when a cluster's whole batch is done (minutes at 29,000 objects a cluster); objects
      // in sync move with each write, and the scale lab starts with none of the registry's objects.
      if (progress.firstWriteAt === undefined && (page.writes.applied > 0 || inSync(page) > 0)) progress.firstWriteAt = at;
      if (isConverged(page, progress.last, clusters)) return { ...progress, convergedAt: at, last: page };
      if (at - lastLog > 30_000) {
        lastLog = at;
        log(`bench: registry ${planned(page)} planned, ${inSync(page)} in sync, ${outOfSync(page)} out of sync, ${page.writes.applied} applied, ${page.writes.failed} failed, leader ${page.leader}`);
      }
      progress.last = page;
      progress.lastAt = at;
    }
    await new Promise((resolve) => setTimeout(resolve, progress.firstWriteAt === undefined ? everyMs : writingEveryMs));
  }
  return progress;
}

// Test-only: the console's fleet service on a lab's kubeconfig with fast probes and deadlines, resolved once every
// cluster it uses is synced. Integration tests start it instead of each spelling the same settings.
import type { ServerEnv } from "@/server/env";
import { parseEnv } from "@/server/env";
import { startFleetService } from "@/server/fleet/service";
import { waitForSnapshot } from "./wait-for-snapshot";

export type SyncedFleet = ReturnType<typeof startFleetService>;

export async function startSyncedFleet(kubeconfigPath: string, clusters: number, overrides: Partial<ServerEnv> = {}): Promise<SyncedFleet> {
  const base = parseEnv({}, "/nowhere");
  const fleet = startFleetService({ ...base, kubeconfigPaths: [kubeconfigPath], probeIntervalMs: 300, probeTimeoutMs: 1000, listTimeoutMs: 2000, flushIntervalMs: 50, ...overrides }, () => undefined);
  await fleet.ready();
  await waitForSnapshot(fleet.snapshots, `${clusters} clusters synced`, (s) => s.clusters.length === clusters && s.clusters.every((c) => c.state === "synced"));
  return fleet;
}

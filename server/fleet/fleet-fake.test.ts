// The fleet cache against a minimal fake API server that serves only /version: every kind answers 404 (not
// served: cached as empty and synced), and 401/403 on lists turn the cluster stale with the right sentence.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";
import { startFakeApiServer, type FakeApiServer, type FakeMode } from "@/server/testing/fake-apiserver";
import { writeKubeconfig } from "@/server/testing/kubeconfig-fixture";
import { clusterOf, waitForSnapshot } from "@/server/testing/wait-for-snapshot";
import { startFleetService } from "./service";

const MODES: FakeMode[] = ["ok", "forbidden", "unauthorized"];
const servers = new Map<FakeMode, FakeApiServer>();
let service: ReturnType<typeof startFleetService>;

beforeAll(async () => {
  for (const mode of MODES) {
    const server = await startFakeApiServer();
    server.setMode(mode);
    servers.set(mode, server);
  }
  const kubeconfig = await writeKubeconfig(MODES.map((mode) => ({ name: mode, server: servers.get(mode)?.url ?? "" })));
  const env = parseEnv({}, "/nowhere");
  service = startFleetService({ ...env, kubeconfigPaths: [kubeconfig], probeIntervalMs: 60_000, probeTimeoutMs: 1000, listTimeoutMs: 1000 }, () => undefined);
  await service.ready();
});
afterAll(async () => {
  service.stop();
  await Promise.all([...servers.values()].map((s) => s.close()));
});

describe("fleet cache against a fake API server", () => {
  it.each([
    ["ok", "synced", undefined],
    ["forbidden", "stale", /forbidden denied access \(403 Forbidden\)/],
    ["unauthorized", "stale", /unauthorized rejected the kubeconfig credentials \(401 Unauthorized\)/],
  ] as const)("%s → %s", async (name, state, sentence) => {
    const snapshot = await waitForSnapshot(service.snapshots, `${name} ${state}`, (s) => clusterOf(s, name)?.state === state, 10_000);
    const cluster = clusterOf(snapshot, name);
    if (sentence) expect(cluster?.lastError?.message).toMatch(sentence);
    else expect(Object.values(cluster?.objects ?? {}).every((map) => map.size === 0)).toBe(true);
  });
});

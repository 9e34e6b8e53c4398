import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeApiServer, type FakeApiServer, type FakeMode } from "../testing/fake-apiserver";
import { writeKubeconfig } from "../testing/kubeconfig-fixture";
import { loadKubeconfig, type ClusterHandle } from "./kubeconfig";
import { probeCluster } from "./probe";

let fake: FakeApiServer;
let handle: ClusterHandle;

beforeAll(async () => {
  fake = await startFakeApiServer("v1.31.4");
  const load = await loadKubeconfig([await writeKubeconfig([{ name: "east", server: fake.url }])], []);
  if (!load.ok || !load.clusters[0]) throw new Error("fixture did not load");
  handle = load.clusters[0];
});
afterAll(() => fake.close());

describe("probeCluster", () => {
  it("reports version and latency", async () => {
    fake.setMode("ok");
    const outcome = await probeCluster(handle, 2000);
    expect(outcome).toMatchObject({ ok: true, version: "v1.31.4" });
    expect(outcome.ok && outcome.latencyMs).toBeGreaterThan(0);
  });

  it.each<[FakeMode, string]>([
    ["unauthorized", "unauthorized"],
    ["forbidden", "forbidden"],
    ["hang", "timeout"],
  ])("%s → %s", async (mode, reason) => {
    fake.setMode(mode);
    const outcome = await probeCluster(handle, 300);
    expect(outcome.ok ? "ok" : outcome.error.reason).toBe(reason);
    fake.setMode("ok");
  });

  it("refused when nothing listens", async () => {
    const closed = await startFakeApiServer();
    await closed.close();
    const load = await loadKubeconfig([await writeKubeconfig([{ name: "gone", server: closed.url }])], []);
    if (!load.ok || !load.clusters[0]) throw new Error("fixture did not load");
    const outcome = await probeCluster(load.clusters[0], 2000);
    expect(outcome.ok ? "ok" : outcome.error.reason).toBe("refused");
  });

  it("an unusable context fails without a request", async () => {
    const outcome = await probeCluster({ name: "x", server: "", kubeConfig: null, problem: "broken" }, 100);
    expect(outcome).toMatchObject({ ok: false, error: { reason: "unknown", message: "broken" } });
  });
});

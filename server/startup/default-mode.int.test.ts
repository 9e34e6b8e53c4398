// Default mode against a lab: a console started on the lab's kubeconfig with EASTWEST_REGISTRY_MODE unset plans
// the same objects a standalone one would write (its status lists them as missing) and writes none of them — no
// ServiceEntry, WorkloadEntry, DestinationRule, Istio Gateway or Lease appears or changes in any cluster — and its
// start-up line says so.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/server/env";
import { exposeWithGateways, startRegistryLab, type RegistryLab } from "@/server/registry/test/lab-fixture";
import { startRuntime } from "@/server/runtime";

const CLUSTERS = ["west", "east", "north"];
const KINDS = "serviceentries,workloadentries,destinationrules,gateways.networking.istio.io,leases";

let env: RegistryLab;
let runtime: ReturnType<typeof startRuntime>;
const lines: string[] = [];

/** Every object of the kinds the registry writes, by cluster, with its resourceVersion (any write changes it). */
async function writable(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const cluster of CLUSTERS) {
    const list = JSON.parse(await env.kubectl(cluster, ["get", KINDS, "-A", "-o", "json"])) as {
      items: Array<{ kind: string; metadata: { namespace?: string; name: string; resourceVersion: string } }>;
    };
    out[cluster] = list.items.map((o) => `${o.kind} ${o.metadata.namespace ?? ""}/${o.metadata.name}@${o.metadata.resourceVersion}`).sort();
  }
  return out;
}

beforeAll(async () => {
  env = await startRegistryLab();
  // Gateways and an exposure: what a standalone registry turns into ServiceEntries and WorkloadEntries.
  await exposeWithGateways(env);
}, 90_000);

afterAll(async () => {
  await runtime?.stop();
  await env.stop();
});

describe("a console with no registry mode", () => {
  it("writes nothing to the lab, though it sees what a writer would write", async () => {
    const before = await writable();
    const settings = parseEnv(
      {
        KUBECONFIG: env.lab.kubeconfigPath,
        // Only the registry mode is left to its default; the lab's loopback gateway addresses are allowed so the
        // plan is not empty for another reason.
        EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES: "true",
        EASTWEST_PROBE_INTERVAL_MS: "300",
        EASTWEST_FLUSH_INTERVAL_MS: "50",
      },
      "/nowhere",
    );
    expect(settings.registryMode).toBe("observe");
    runtime = startRuntime(settings, (line) => lines.push(line));
    const registry = await runtime.registry;
    await vi.waitFor(
      () => {
        const clusters = registry.status().clusters;
        expect(clusters.map((c) => c.cluster).sort()).toEqual([...CLUSTERS].sort());
        expect(clusters.every((c) => !c.stale)).toBe(true);
        expect(clusters.reduce((n, c) => n + c.missing.length, 0)).toBeGreaterThan(0);
      },
      { timeout: 20_000, interval: 100 },
    );
    await registry.reconcileNow();
    await registry.reconcileNow();
    expect(registry.writes()).toEqual({ applied: 0, deleted: 0, failed: 0 });
    expect(registry.status()).toMatchObject({ mode: "observe", leader: false });
    expect(await writable()).toEqual(before);
    expect(lines).toContain("registry: observe — writes nothing (it compares the clusters with the plan; EASTWEST_REGISTRY_MODE=standalone lets it write)");
  }, 60_000);
});

// Partitions: east's API is cut off across many reconcile cycles and a console restart (a new process knows
// nothing of east). Nothing generated from east is deleted or rewritten anywhere meanwhile; when east returns,
// the fleet converges and a resync from a fresh replica writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MANAGED_BY_LABEL, SOURCE_CLUSTERS_ANNOTATION } from "@/lib/plan/desired";
import { startRegistryOnSource } from "./model-registry";
import { converge, exposeWithGateways, startRegistryLab, type RegistryLab, type WriteLog } from "./test/lab-fixture";

let env: RegistryLab;

type Item = { kind: string; metadata: { namespace: string; name: string; uid: string; resourceVersion: string; annotations?: Record<string, string> } };

/** Every object the console owns in west and north that names east among its sources: id → uid@resourceVersion. */
async function fromEast(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const context of ["west", "north"]) {
    const json = await env.kubectl(context, ["get", "serviceentries,workloadentries,destinationrules,gateways.networking.istio.io", "-A", "-l", `${MANAGED_BY_LABEL}=eastwest-console`, "-o", "json"]);
    for (const item of (JSON.parse(json) as { items: Item[] }).items) {
      const sources = (item.metadata.annotations?.[SOURCE_CLUSTERS_ANNOTATION] ?? "").split(",");
      if (sources.includes("east")) out[`${context} ${item.kind} ${item.metadata.namespace}/${item.metadata.name}`] = `${item.metadata.uid}@${item.metadata.resourceVersion}`;
    }
  }
  return out;
}

async function cycles(lister: ReturnType<RegistryLab["newLister"]>, registry: ReturnType<typeof startRegistryOnSource>, n: number) {
  for (let i = 0; i < n; i++) {
    await lister.refresh();
    await registry.reconcileNow();
  }
}

beforeAll(async () => {
  env = await startRegistryLab();
  await exposeWithGateways(env);
}, 90_000);

afterAll(async () => {
  await env.lab.setFault("east", { mode: "none" });
  await env.stop();
});

describe("partition", () => {
  it("keeps everything generated from an unreachable cluster across a restart, then converges", async () => {
    const options = { mode: "standalone" as const, allowLoopbackGatewayAddresses: true, managementCluster: "west", resyncMs: 3_600_000, coalesceMs: 0 };
    const listerA = env.newLister();
    const a = startRegistryOnSource({ ...options, source: env.sourceOf(listerA), writerFor: env.writers([]) });
    await converge(listerA, a);
    const before = await fromEast();
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(8);

    await env.lab.setFault("east", { mode: "refuse" });
    await cycles(listerA, a, 3);
    await a.stop();

    // Restart: a new replica whose first sight of east is "unreachable".
    const log: WriteLog = [];
    const listerB = env.newLister();
    const b = startRegistryOnSource({ ...options, source: env.sourceOf(listerB), writerFor: env.writers(log) });
    await cycles(listerB, b, 3);
    expect(log.filter((w) => w.op === "delete")).toEqual([]);
    expect(await fromEast()).toEqual(before);
    const reasons = new Set(b.status().conditions.map((c) => c.reason));
    expect(reasons.has("HeldStaleSource")).toBe(true);
    expect(reasons.has("StaleCluster")).toBe(true);

    await env.lab.setFault("east", { mode: "none" });
    await converge(listerB, b);
    expect(await fromEast()).toEqual(before);
    const report = b.status().clusters;
    await b.stop();
    for (const c of report) expect({ cluster: c.cluster, missing: c.missing, extra: c.extra, different: c.different }).toEqual({ cluster: c.cluster, missing: [], extra: [], different: [] });

    const freshLog: WriteLog = [];
    const fresh = startRegistryOnSource({ ...options, source: env.sourceOf(listerB), writerFor: env.writers(freshLog) });
    await fresh.reconcileNow();
    await fresh.stop();
    expect(freshLog).toEqual([]);
  }, 120_000);
});

// Ownership fuzz against the lab: objects carrying every proper subset of the registry's marks (label, source
// annotations, planner-producible name and namespace, eastwest-registry Apply in managedFields), in every
// cluster, in default, kube-system, bookinfo and xcp-multicluster — some under the very names the registry
// plans — are planted before the registry first runs. Then many registry cycles run, with exposure changes
// that make it create and delete around them. Every plant must stay byte for byte as it was (resourceVersion
// and JSON, managedFields included), never be written to, and be reported: one condition per plant under a
// planned name, and a per-cluster count for the unplanned ones that claim to be ours.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RegistryCondition } from "@/lib/registry/types";
import type { FleetLister } from "@/server/kube/writer-fleet-lister";
import { computeFleetState } from "./fleet-state";
import { converge, EXPOSE_DETAILS_AND_REVIEWS, exposeWithGateways, startRegistryLab, startLabRegistry, type RegistryLab, type WriteLog } from "./test/lab-fixture";
import { fuzzPlants, KINDS, manifest, plantId, type Plant, type PlantMode } from "./test/fuzz-plants";

const CONTEXTS = ["west", "east", "north"];
const RESOURCES = { ServiceEntry: "serviceentries", WorkloadEntry: "workloadentries", DestinationRule: "destinationrules", Gateway: "gateways.networking.istio.io" } as const;
const MODE_ARGS: Record<PlantMode, string[]> = {
  "ssa-ours": ["apply", "--server-side", "--validate=false", "--field-manager=eastwest-registry"],
  "ssa-other": ["apply", "--server-side", "--validate=false", "--field-manager=fuzz-tool"],
  create: ["create", "--validate=false"],
  "update-ours": ["create", "--validate=false", "--field-manager=eastwest-registry"],
};

let env: RegistryLab;
let lister: FleetLister;
let plants: Plant[];
let plantedMs = 0;

/** Every planted object as the API serves it, by `context kind ns/name`: its full JSON (resourceVersion and managedFields included). */
async function liveJson(): Promise<Map<string, string>> {
  const wanted = new Set(plants.map((p) => `${p.context} ${plantId(p)}`));
  const out = new Map<string, string>();
  for (const context of CONTEXTS) {
    for (const kind of KINDS) {
      const list = JSON.parse(await env.kubectl(context, ["get", RESOURCES[kind], "-A", "-o", "json", "--show-managed-fields"])) as { items: Array<{ metadata: { namespace: string; name: string } }> };
      for (const item of list.items) {
        const key = `${context} ${plantId({ kind, ...item.metadata })}`;
        if (wanted.has(key)) out.set(key, JSON.stringify(item));
      }
    }
  }
  return out;
}

beforeAll(async () => {
  env = await startRegistryLab();
  await exposeWithGateways(env);
  const planning = env.newLister();
  await planning.refresh();
  // What the registry is about to plan: the fuzz takes some of these very names before it runs.
  const planned = computeFleetState(planning.current(), { managementCluster: "west", allowLoopbackGatewayAddresses: true }).plan.clusters;
  plants = fuzzPlants(CONTEXTS, planned);
  const started = performance.now();
  for (const context of CONTEXTS) {
    for (const [mode, args] of Object.entries(MODE_ARGS) as Array<[PlantMode, string[]]>) {
      const items = plants.map((p, i) => [p, i] as const).filter(([p]) => p.context === context && p.mode === mode).map(([p, i]) => manifest(p, i));
      if (items.length > 0) await env.kubectl(context, [...args, "-f", "-"], JSON.stringify({ apiVersion: "v1", kind: "List", items }));
    }
  }
  plantedMs = performance.now() - started;
  // The registry's own view starts after the planting (a registry starts reconciling at once, from whatever
  // its source holds: an object created after that view and before its first write is a race, not this test).
  lister = env.newLister();
}, 120_000);

afterAll(async () => {
  await env.stop();
});

describe("ownership fuzz", () => {
  it("leaves every object short of the full proof byte for byte as it was, through many cycles, and reports each", async () => {
    const before = await liveJson();
    expect(before.size).toBe(plants.length);
    const log: WriteLog = [];
    const started = performance.now();
    const registry = startLabRegistry(env, lister, log);
    let cycles = 0;
    const cycle = async () => {
      await lister.refresh();
      await registry.reconcileNow();
      cycles++;
    };
    let converged = 0;
    const settle = async () => {
      await converge(lister, registry, 10);
      converged++;
    };
    await settle();
    const unexposed = EXPOSE_DETAILS_AND_REVIEWS.replace(", reviews.bookinfo.svc.cluster.local", "");
    for (let round = 0; round < 4; round++) {
      // Un-expose reviews, expose it again: deletes and re-creates around the plants.
      await env.kubectl("west", ["apply", "-f", "-"], unexposed);
      await settle();
      await env.kubectl("west", ["apply", "-f", "-"], EXPOSE_DETAILS_AND_REVIEWS);
      await settle();
    }
    for (let i = 0; i < 50; i++) await cycle();
    const status = registry.status();
    await registry.stop();
    const ranMs = performance.now() - started;

    const after = await liveJson();
    const touched = new Set(plants.map((p) => `${p.context} ${plantId(p)}`));
    expect(log.filter((w) => touched.has(`${w.cluster} ${w.id}`))).toEqual([]);
    for (const [key, json] of before) expect(after.get(key), key).toBe(json);
    // The registry did publish around them (its own writes happened, deletes included).
    expect(log.some((w) => w.op === "apply")).toBe(true);
    expect(log.some((w) => w.op === "delete")).toBe(true);

    // Reported: each plant under a planned name on its own, the unplanned claimants counted per cluster.
    const reasons = (reason: RegistryCondition["reason"]) => status.conditions.filter((c): c is RegistryCondition => "reason" in c && c.reason === reason);
    const blocking = reasons("ForeignObject").map((c) => `${c.cluster ?? ""} ${c.subject ?? ""}`).sort();
    expect(blocking).toEqual(plants.filter((p) => p.planned).map((p) => `${p.context} ${plantId(p)}`).sort());
    for (const c of reasons("ForeignObject")) expect(c.message).toMatch(/named like ours exists in \w+ \(.+\) and is not ours: .+/);
    for (const context of CONTEXTS) {
      const grouped = reasons("UnplannedForeignObjects").filter((c) => c.cluster === context);
      const claimants = plants.filter((p) => p.context === context && !p.planned && p.claims);
      expect(grouped, context).toHaveLength(1);
      expect(grouped[0]?.count, context).toBe(claimants.length);
      const ids = new Set(claimants.map(plantId));
      for (const example of grouped[0]?.examples ?? []) expect(ids.has(example), example).toBe(true);
    }
    const quiet = plants.filter((p) => !p.claims);
    expect(quiet.length).toBeGreaterThan(0);

    const figures = `ownership fuzz: ${plants.length} objects planted (${plants.filter((p) => p.planned).length} under planned names, ${quiet.length} with no mark at all) in ${plantedMs.toFixed(0)} ms; ${converged} runs to convergence and ${cycles} further resyncs ran for ${(ranMs / 1000).toFixed(1)} s; every plant byte-identical, ${log.length} registry writes elsewhere`;
    console.log(figures);
  });
});

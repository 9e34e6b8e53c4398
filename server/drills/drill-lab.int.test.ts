// Must hold (issue 13), against the demo lab after the seed's steps, with the console's runtime running as in
// production (fleet cache, model, registry on its Lease, the drill runner): a ScaleToZero drill on details in west
// passes, says when traffic shifted and that east served it during the fault, and restores details-v1; a drill
// applied with kubectl alone runs the same; with no gateway in east it stops at precheck with the reason; with
// east's gateway stopped (a data-plane fault of the lab) its stop condition aborts it and everything is restored.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startRuntime } from "@/server/runtime";
import { detailsReplicas, drillOf, drillYaml, startDrillLab, untilPhase, type DrillLab } from "./test/drill-lab";

let env: DrillLab;
let runtime: ReturnType<typeof startRuntime>;
const lines: string[] = [];
const INPUT = { cluster: "west", namespace: "bookinfo", service: "details", fault: "ScaleToZero" as const, maxDuration: "90s" };

beforeAll(async () => {
  env = await startDrillLab();
  runtime = startRuntime(env.settings, (line) => lines.push(line));
  // Converged: the plan's checks (the machine's own precheck) all pass for details in west.
  await vi.waitFor(
    async () => {
      const plan = await runtime.drills.plan(INPUT);
      expect(plan.ok && plan.checks.filter((c) => !c.ok)).toEqual([]);
    },
    { timeout: 30_000, interval: 250 },
  );
}, 90_000);

afterAll(async () => {
  await runtime?.stop();
  await env?.stop();
});

const podsOf = async (selector: string) => (await env.kubectl("west", ["get", "pods", "-n", "bookinfo", "-l", selector, "-o", "name"])).trim();

describe("a drill on details in west", () => {
  it("from the button: passes, shifts to east, restores details-v1", async () => {
    const plan = await runtime.drills.plan(INPUT);
    expect(plan).toMatchObject({ ok: true, crd: "missing-will-install", deployments: [{ name: "details-v1", replicas: 1 }] });
    const started = await runtime.drills.start(INPUT);
    if (!started.ok) throw new Error(started.refusal.message);
    const drill = await untilPhase(env, started.ref.name, ["Succeeded", "Failed", "Aborted"], 80_000);
    expect(drill.status).toMatchObject({ phase: "Succeeded", verdict: "Passed" });
    expect(drill.status?.timeToShiftSeconds).toBeGreaterThan(0);
    expect(drill.status?.servedBy?.during?.east).toBeGreaterThan(0);
    expect(drill.status?.servedBy?.during?.west ?? 0).toBe(0);
    expect(drill.status?.undo?.deployments).toEqual([expect.objectContaining({ name: "details-v1", replicas: 1 })]);
    expect(await detailsReplicas(env)).toEqual({ spec: 1, ready: 1 });
    await vi.waitFor(async () => expect(await podsOf(`eastwest.dev/drill=${started.ref.name}`)).toBe(""), { timeout: 15_000, interval: 200 });
    // The service lists it (from the cache) with its figures.
    await vi.waitFor(() => expect(runtime.drills.get(started.ref)).toMatchObject({ phase: "Succeeded", verdict: "Passed", running: false }), { timeout: 5_000, interval: 50 });
    console.log(`[figures] ScaleToZero from the button: shift ${drill.status?.timeToShiftSeconds} s, failed requests ${drill.status?.failedRequests}, restore ${drill.status?.timeToRestoreSeconds} s, served by during ${JSON.stringify(drill.status?.servedBy?.during)}`);
  }, 100_000);

  it("applied with kubectl alone: runs the same", async () => {
    await env.kubectl("west", ["apply", "-f", "-"], drillYaml("by-hand", "{ service: details, maxDuration: 90s }"));
    const drill = await untilPhase(env, "by-hand", ["Succeeded", "Failed", "Aborted"], 80_000);
    expect(drill.status).toMatchObject({ phase: "Succeeded", verdict: "Passed" });
    expect(drill.status?.servedBy?.during?.east).toBeGreaterThan(0);
    expect(await detailsReplicas(env)).toEqual({ spec: 1, ready: 1 });
    console.log(`[figures] ScaleToZero by kubectl: shift ${drill.status?.timeToShiftSeconds} s, failed requests ${drill.status?.failedRequests}, restore ${drill.status?.timeToRestoreSeconds} s`);
  }, 100_000);

  it("FailRequests: the pods answer 503 until outlier detection (the registry's DestinationRule) moves traffic to east; the annotation is removed after", async () => {
    const started = await runtime.drills.start({ ...INPUT, fault: "FailRequests" });
    if (!started.ok) throw new Error(started.refusal.message);
    const drill = await untilPhase(env, started.ref.name, ["Succeeded", "Failed", "Aborted"], 80_000);
    expect(drill.status, JSON.stringify(drill.status)).toMatchObject({ phase: "Succeeded", verdict: "Passed" });
    expect(drill.status?.servedBy?.during?.east).toBeGreaterThan(0);
    const annotations = JSON.parse(await env.kubectl("west", ["get", "pods", "-n", "bookinfo", "-l", "app=details", "-o", "jsonpath={.items[*].metadata.annotations}"]) || "{}") as Record<string, string>;
    expect(annotations["eastwest.dev/fault"]).toBeUndefined();
    console.log(`[figures] FailRequests (the registry's outlier settings): shift ${drill.status?.timeToShiftSeconds} s, failed requests ${drill.status?.failedRequests}, restore ${drill.status?.timeToRestoreSeconds} s, served by during ${JSON.stringify(drill.status?.servedBy?.during)}`);
  }, 100_000);

  it("west's API cut off mid-drill: the drill waits, says so once west answers, and restores at once", async () => {
    await env.kubectl("west", ["apply", "-f", "-"], drillYaml("cut-off", "{ service: details, maxDuration: 90s }"));
    await untilPhase(env, "cut-off", ["Observing"], 60_000);
    await env.lab.setFault("west", { mode: "refuse" });
    try {
      await vi.waitFor(() => expect(runtime.fleet.snapshots.current().clusters.find((c) => c.name === "west")?.state).toBe("stale"), { timeout: 20_000, interval: 100 });
    } finally {
      await env.lab.setFault("west", { mode: "none" });
    }
    const healedAt = performance.now();
    await vi.waitFor(async () => expect(await detailsReplicas(env)).toEqual({ spec: 1, ready: 1 }), { timeout: 60_000, interval: 100 });
    const restoredMs = performance.now() - healedAt;
    const drill = await untilPhase(env, "cut-off", ["Succeeded", "Failed", "Aborted"], 30_000);
    expect(drill.status?.reason ?? "").toMatch(/unreachable/);
    console.log(`[figures] west cut off mid-drill: details-v1 back ${(restoredMs / 1000).toFixed(1)} s after west answered again; ${drill.status?.phase}: ${drill.status?.reason}`);
  }, 120_000);

  it("deleted with kubectl mid-drill: its finalizer holds it until details-v1 is restored, then it goes", async () => {
    await env.kubectl("west", ["apply", "-f", "-"], drillYaml("deleted", "{ service: details, maxDuration: 90s }"));
    await untilPhase(env, "deleted", ["Observing"], 60_000);
    expect((await detailsReplicas(env)).spec).toBe(0);
    await env.kubectl("west", ["delete", "failoverdrills.eastwest.dev", "deleted", "-n", "bookinfo", "--wait=false"]);
    // Held by the runner's finalizer: still there, being deleted (the restore takes a few steps).
    const held = JSON.parse(await env.kubectl("west", ["get", "failoverdrills.eastwest.dev", "deleted", "-n", "bookinfo", "-o", "json"])) as { metadata: { deletionTimestamp?: string; finalizers?: string[] } };
    expect(held.metadata).toMatchObject({ deletionTimestamp: expect.any(String), finalizers: ["eastwest.dev/restore"] });
    await vi.waitFor(async () => expect(await detailsReplicas(env)).toEqual({ spec: 1, ready: 1 }), { timeout: 30_000, interval: 100 });
    await vi.waitFor(async () => expect(await env.kubectl("west", ["get", "failoverdrills.eastwest.dev", "-n", "bookinfo", "-o", "name"])).not.toContain("/deleted"), { timeout: 30_000, interval: 200 });
  }, 100_000);

  it("with east's gateway stopped: the stop condition aborts it and details-v1 is restored", async () => {
    expect(env.lab.dataPlane.setGatewayFault("east", "bookinfo", "eastwest-gateway", { mode: "stop" })).toBe(true);
    try {
      await env.kubectl("west", ["apply", "-f", "-"], drillYaml("remote-broken", "{ service: details, maxDuration: 90s, stopCondition: { errorRateAbove: 0.5, forSeconds: 3 } }"));
      const drill = await untilPhase(env, "remote-broken", ["Succeeded", "Failed", "Aborted"], 80_000);
      expect(drill.status?.phase, JSON.stringify(drill.status)).toBe("Aborted");
      expect(drill.status?.reason ?? "").toMatch(/stop condition|error rate/i);
      expect(await detailsReplicas(env)).toEqual({ spec: 1, ready: 1 });
      console.log(`[figures] remote broken: ${drill.status?.reason}; failed requests ${drill.status?.failedRequests}, restore ${drill.status?.timeToRestoreSeconds} s`);
    } finally {
      env.lab.dataPlane.setGatewayFault("east", "bookinfo", "eastwest-gateway", { mode: "none" });
    }
  }, 100_000);

  it("with no gateway in east: stops at precheck with the reason, touching nothing", async () => {
    await env.kubectl("east", ["delete", "ingressgateway", "eastwest-gateway", "-n", "bookinfo"]);
    await vi.waitFor(async () => {
      const plan = await runtime.drills.plan(INPUT);
      expect(plan.ok && plan.checks.find((c) => c.name === "Failover target")?.ok).toBe(false);
    }, { timeout: 30_000, interval: 250 });
    await env.kubectl("west", ["apply", "-f", "-"], drillYaml("no-gateway", "{ service: details, maxDuration: 90s }"));
    const drill = await untilPhase(env, "no-gateway", ["Succeeded", "Failed", "Aborted"], 30_000);
    expect(drill.status?.phase).toBe("Failed");
    expect(drill.status?.reason ?? "").toMatch(/no failover target|no gateway/i);
    expect(drill.status?.undo?.deployments ?? []).toEqual([]);
    expect(await detailsReplicas(env)).toEqual({ spec: 1, ready: 1 });
    expect((await drillOf(env, "no-gateway")).status?.conditions?.some((c) => c.status === "False")).toBe(true);
    console.log(`[figures] no gateway in east: ${drill.status?.reason}`);
  }, 60_000);
});

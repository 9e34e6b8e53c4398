// The drill runner's cluster operations against the lab, read back with kubectl: the CRD installed and served, a
// drill created by server-side apply, its status written through /status without touching its spec, abort
// keeping the spec, a Deployment scaled through /scale, the FailRequests annotation put on and taken off alone,
// and the probe Pod's log read with tailLines and sinceTime.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { probePod } from "@/lib/drills/probe-pod";
import type { FailoverDrill } from "@/lib/drills/schema";
import { startRegistryLab, type RegistryLab } from "@/server/registry/test/lab-fixture";
import { createDrillClient, type DrillClient } from "./drill-client";

let env: RegistryLab;
let client: DrillClient;
const json = async <T>(args: string[]) => JSON.parse(await env.kubectl("west", [...args, "-o", "json"])) as T;
type Obj = { metadata: { uid?: string; annotations?: Record<string, string> }; spec?: Record<string, unknown>; status?: Record<string, unknown> };

beforeAll(async () => {
  env = await startRegistryLab();
  const west = env.handles.find((h) => h.name === "west");
  const made = west && createDrillClient(west, { timeoutMs: 5_000 });
  if (!made) throw new Error("no west client");
  client = made;
}, 60_000);

afterAll(async () => {
  await env?.stop();
});

describe("the drill client against the lab", () => {
  it("installs the CRD where it is missing; the cluster then serves FailoverDrill", async () => {
    expect(await client.drills.crdInstalled("bookinfo")).toEqual({ ok: true, installed: false });
    expect((await client.drills.installCrd()).ok).toBe(true);
    await vi.waitFor(async () => expect(await client.drills.crdInstalled("bookinfo")).toEqual({ ok: true, installed: true }), { timeout: 5_000, interval: 50 });
  });

  it("creates a drill, writes its status through /status without touching its spec, and aborts keeping the spec", async () => {
    const spec = { service: "details", fault: "ScaleToZero" as const, maxDuration: "2m", stopCondition: { errorRateAbove: 0.5, forSeconds: 10 }, abort: false };
    expect((await client.drills.create({ namespace: "bookinfo", name: "d1", spec, labels: { "eastwest.dev/service": "details" } })).ok).toBe(true);
    const status = await client.drills.applyStatus({ namespace: "bookinfo", name: "d1" }, { phase: "Prechecking", conditions: [], timeline: [{ phase: "Prechecking", at: "2026-12-05T06:00:00Z" }] });
    expect(status.ok).toBe(true);
    const read = await json<Obj>(["get", "failoverdrills.eastwest.dev", "d1", "-n", "bookinfo"]);
    expect(read.spec).toMatchObject({ service: "details", fault: "ScaleToZero" });
    expect(read.status).toMatchObject({ phase: "Prechecking" });
    expect((await client.drills.abort({ namespace: "bookinfo", name: "d1" }, spec)).ok).toBe(true);
    const aborted = await json<Obj>(["get", "failoverdrills.eastwest.dev", "d1", "-n", "bookinfo"]);
    expect(aborted.spec).toMatchObject({ service: "details", abort: true });
    expect(aborted.status).toMatchObject({ phase: "Prechecking" });
    // The runner's finalizer: on and off again, the spec untouched (it has a field manager of its own).
    expect((await client.drills.finalizer({ namespace: "bookinfo", name: "d1" }, true)).ok).toBe(true);
    const held = await json<Obj & { metadata: { finalizers?: string[] } }>(["get", "failoverdrills.eastwest.dev", "d1", "-n", "bookinfo"]);
    expect(held.metadata.finalizers).toEqual(["eastwest.dev/restore"]);
    expect(held.spec).toMatchObject({ service: "details", abort: true });
    expect((await client.drills.finalizer({ namespace: "bookinfo", name: "d1" }, false)).ok).toBe(true);
    expect((await json<Obj & { metadata: { finalizers?: string[] } }>(["get", "failoverdrills.eastwest.dev", "d1", "-n", "bookinfo"])).metadata.finalizers ?? []).toEqual([]);
  });

  it("scales details-v1 through /scale and back", async () => {
    const scaled = await client.workloads.scale("bookinfo", "details-v1", 0);
    expect(scaled).toMatchObject({ ok: true, value: { replicas: 0 } });
    expect((await json<Obj>(["get", "deploy", "details-v1", "-n", "bookinfo"])).spec?.replicas).toBe(0);
    expect(await client.workloads.scale("bookinfo", "details-v1", 1)).toMatchObject({ ok: true, value: { replicas: 1 } });
    expect((await json<Obj>(["get", "deploy", "details-v1", "-n", "bookinfo"])).spec?.replicas).toBe(1);
    console.log(`[drill-client] /scale written by ${scaled.ok ? scaled.value.via : "?"}`);
  });

  it("puts the fault annotation on a pod and takes it off again, leaving its other annotations", async () => {
    await vi.waitFor(async () => expect((await json<{ items: Obj[] }>(["get", "pods", "-n", "bookinfo", "-l", "app=details"])).items.length).toBe(1), { timeout: 10_000, interval: 100 });
    const [pod] = (await json<{ items: Array<Obj & { metadata: { name: string } }> }>(["get", "pods", "-n", "bookinfo", "-l", "app=details"])).items;
    if (!pod) throw new Error("no details pod");
    await env.kubectl("west", ["annotate", "pod", pod.metadata.name, "-n", "bookinfo", "team=books"]);
    expect(await client.workloads.faultPod("bookinfo", pod.metadata.name, pod.metadata.uid, true)).toEqual({ ok: true, value: undefined });
    expect((await json<Obj>(["get", "pod", pod.metadata.name, "-n", "bookinfo"])).metadata.annotations).toMatchObject({ "eastwest.dev/fault": "fail-requests", team: "books" });
    expect(await client.workloads.faultPod("bookinfo", pod.metadata.name, pod.metadata.uid, false)).toEqual({ ok: true, value: undefined });
    const after = (await json<Obj>(["get", "pod", pod.metadata.name, "-n", "bookinfo"])).metadata.annotations ?? {};
    expect(after["eastwest.dev/fault"]).toBeUndefined();
    expect(after.team).toBe("books");
    // A pod that is not (or no longer) that uid is left alone.
    expect(await client.workloads.faultPod("bookinfo", pod.metadata.name, "another-uid", false)).toEqual({ ok: true, value: undefined });
  });

  it("creates the probe Pod, reads its log by tailLines and sinceTime, and removes it", async () => {
    const drill: FailoverDrill = { apiVersion: "eastwest.dev/v1alpha1", kind: "FailoverDrill", metadata: { name: "d1", namespace: "bookinfo" }, spec: { service: "details", fault: "ScaleToZero", maxDuration: "2m", stopCondition: { errorRateAbove: 0.5, forSeconds: 10 }, abort: false } };
    const pod = probePod({ drill, port: 9080, maxDurationSeconds: 120 });
    expect((await client.probe.create(pod)).ok).toBe(true);
    let text = "";
    await vi.waitFor(async () => {
      const log = await client.probe.log("bookinfo", pod.metadata.name, { container: "probe", tailLines: 3 });
      text = log.ok ? (log.value ?? "") : "";
      expect(text.trim().split("\n")).toHaveLength(3);
    }, { timeout: 15_000, interval: 100 });
    // Each line: the kubelet's time, a space, the probe's JSON line.
    expect(text.split("\n")[0]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z \{"ts":/);
    const future = await client.probe.log("bookinfo", pod.metadata.name, { container: "probe", sinceTime: new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, "Z") });
    expect(future).toEqual({ ok: true, value: "" });
    expect((await client.probe.remove("bookinfo", pod.metadata.name)).ok).toBe(true);
    await vi.waitFor(async () => expect(await client.probe.log("bookinfo", pod.metadata.name, { container: "probe" })).toEqual({ ok: true, value: undefined }), { timeout: 10_000, interval: 100 });
    expect(await client.probe.remove("bookinfo", pod.metadata.name)).toEqual({ ok: true, value: undefined });
  });
});

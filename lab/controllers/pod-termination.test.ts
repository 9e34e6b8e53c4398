// Pod graceful termination, as the kubelet and the endpoints controllers of a real cluster do it together: a
// deleted pod is Terminating for its grace period, its EndpointSlice entry turns ready:false, serving:true,
// terminating:true at once while Endpoints drop it, its containers stop after the lab's short delay, and the
// kubelet writes the terminal phase and removes it.
import { afterEach, describe, expect, it } from "vitest";
import { createClusterStore } from "../apiserver/store";
import { createTypeRegistry } from "../apiserver/types-registry";
import type { ClusterStore, KubeObject } from "../apiserver/types";
import { seedSystem } from "../scenarios/system";
import { deploymentManifest, kubectlApply, namespaceManifest, serviceManifest } from "../scenarios/seed-util";
import { startControllers, type ControllerSet } from "./index";

const types = createTypeRegistry();
const t = (group: string, kind: string) => {
  const type = types.byKind(group, kind);
  if (!type) throw new Error(kind);
  return type;
};
const POD = t("", "Pod");
const DEPLOY = t("apps", "Deployment");
const EP = t("", "Endpoints");
const SLICE = t("discovery.k8s.io", "EndpointSlice");
const TERMINATION_MS = 200;

let running: ControllerSet | undefined;
const runningSet = (): ControllerSet | undefined => running;
afterEach(() => running?.stop());

function setup(): { store: ClusterStore; settle: () => Promise<void> } {
  const store = createClusterStore("west", types);
  seedSystem(store);
  kubectlApply(store, namespaceManifest("bookinfo"));
  running = startControllers(store, { podReadyDelayMs: 20, podTerminationDelayMs: TERMINATION_MS });
  const controllers = running;
  return { store, settle: () => controllers.waitForIdle(5000) };
}

const app = { namespace: "bookinfo", app: "details", version: "v1", image: "img:1", port: 9080 };

describe("pod lifecycle: graceful termination", () => {
  type Slice = { endpoints: Array<{ targetRef: { name: string }; conditions: Record<string, boolean> }> };
  const sliceConditions = (store: ClusterStore, pod: string) =>
    (store.list(SLICE, "bookinfo")[0] as unknown as Slice | undefined)?.endpoints.find((e) => e.targetRef.name === pod)?.conditions;
  const endpointNames = (store: ClusterStore) =>
    ((store.get(EP, "bookinfo", "details")?.subsets ?? []) as Array<Record<string, Array<{ targetRef: { name: string } }> | undefined>>)
      .flatMap((s) => [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])].map((a) => a.targetRef.name));
  async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  async function withApp(replicas: number) {
    const { store, settle } = setup();
    kubectlApply(store, serviceManifest(app));
    kubectlApply(store, deploymentManifest({ ...app, replicas }));
    await settle();
    return { store, settle };
  }

  it("a deleted pod is Terminating for its grace period, serving but not ready in the slice, out of Endpoints, then gone", async () => {
    const { store, settle } = await withApp(1);
    const pod = store.list(POD, "bookinfo")[0] as KubeObject;
    const name = pod.metadata.name ?? "";
    const ip = (pod.status as { podIP: string }).podIP;
    const before = Date.now();
    const { object, gone } = store.delete(POD, "bookinfo", name);
    expect(gone).toBe(false);
    expect(object.metadata.deletionGracePeriodSeconds).toBe(30);
    const deadline = Date.parse(object.metadata.deletionTimestamp ?? "");
    expect(deadline).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 29_000);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 31_000);
    const conditions = await until("the slice to show the pod terminating", () => (sliceConditions(store, name)?.terminating ? sliceConditions(store, name) : undefined));
    expect(conditions).toEqual({ ready: false, serving: true, terminating: true });
    expect(endpointNames(store)).toEqual([]);
    expect(store.get(POD, "bookinfo", name)?.status).toMatchObject({ phase: "Running" });
    // The Deployment does not count a terminating pod: its replacement is created at once.
    await until("a replacement pod", () => (store.list(POD, "bookinfo").length === 2 ? true : undefined));
    await settle();
    expect(store.get(POD, "bookinfo", name)).toBeUndefined();
    expect(Date.now() - before).toBeGreaterThanOrEqual(TERMINATION_MS - 10);
    const events = store.list(t("", "Event"), "bookinfo").filter((e) => (e.involvedObject as { name: string }).name === name);
    expect(events.map((e) => `${String(e.reason)}: ${String(e.message)}`)).toContain("Killing: Stopping container details");
    const replacement = store.list(POD, "bookinfo")[0] as KubeObject;
    expect(replacement.metadata.name).not.toBe(name);
    expect(sliceConditions(store, name)).toBeUndefined();
    // The IP went back to the pool: the next pods may get it again, never while the old pod held it.
    expect((replacement.status as { podIP: string }).podIP).not.toBe(ip);
  });

  it("the kubelet writes the terminal phase before it removes the pod", async () => {
    const { store, settle } = await withApp(1);
    const name = store.list(POD, "bookinfo")[0]?.metadata.name ?? "";
    const seen: Array<{ type: string; phase?: string; ready?: string }> = [];
    const stop = store.watch(POD, undefined, (event) => {
      if (event.object.metadata.name !== name) return;
      const status = event.object.status as { phase?: string; conditions?: Array<{ type: string; status: string }> };
      seen.push({ type: event.type, phase: status.phase, ready: status.conditions?.find((c) => c.type === "Ready")?.status });
    });
    store.delete(POD, "bookinfo", name);
    await settle();
    stop();
    expect(seen).toEqual([
      { type: "MODIFIED", phase: "Running", ready: "True" },
      { type: "MODIFIED", phase: "Succeeded", ready: "False" },
      { type: "DELETED", phase: "Succeeded", ready: "False" },
    ]);
  });

  it("scaling to 0 terminates the pods the same way", async () => {
    const { store, settle } = await withApp(2);
    const names = store.list(POD, "bookinfo").map((p) => p.metadata.name ?? "");
    const dep = store.get(DEPLOY, "bookinfo", "details-v1") as KubeObject;
    store.update(DEPLOY, { ...dep, spec: { ...(dep.spec as object), replicas: 0 } });
    await until("both pods terminating in the slice", () => (names.every((n) => sliceConditions(store, n)?.terminating) ? true : undefined));
    for (const n of names) expect(sliceConditions(store, n)).toEqual({ ready: false, serving: true, terminating: true });
    expect(store.list(POD, "bookinfo").every((p) => p.metadata.deletionTimestamp !== undefined)).toBe(true);
    await settle();
    expect(store.list(POD, "bookinfo")).toHaveLength(0);
    expect((store.list(SLICE, "bookinfo")[0] as unknown as Slice).endpoints).toEqual([]);
  });

  it.each([
    ["an unscheduled pod", { nodeName: undefined, terminationGracePeriodSeconds: 30 }],
    ["a pod whose grace period is 0", { nodeName: "west-node-1", terminationGracePeriodSeconds: 0 }],
  ])("%s is deleted at once", async (_what, spec) => {
    const { store } = setup();
    const body = { apiVersion: "v1", kind: "Pod", metadata: { name: "now", namespace: "bookinfo" }, spec: { containers: [{ name: "c", image: "img:1" }], ...spec } };
    store.create(POD, body as KubeObject);
    expect(store.delete(POD, "bookinfo", "now").gone).toBe(true);
    expect(store.get(POD, "bookinfo", "now")).toBeUndefined();
  });

  it("a second delete does not restart the grace period", async () => {
    const { store } = await withApp(1);
    const name = store.list(POD, "bookinfo")[0]?.metadata.name ?? "";
    const first = store.delete(POD, "bookinfo", name).object;
    const second = store.delete(POD, "bookinfo", name).object;
    expect(second.metadata.deletionTimestamp).toBe(first.metadata.deletionTimestamp);
    expect(second.metadata.resourceVersion).toBe(first.metadata.resourceVersion);
  });

  it("gracePeriodSeconds 0 removes a running pod at once; a shorter one shortens a pending deletion", async () => {
    const { store } = await withApp(2);
    const [a, b] = store.list(POD, "bookinfo").map((p) => p.metadata.name ?? "");
    expect(store.delete(POD, "bookinfo", a ?? "", { gracePeriodSeconds: 0 }).gone).toBe(true);
    const first = store.delete(POD, "bookinfo", b ?? "", { gracePeriodSeconds: 20 }).object;
    expect(first.metadata.deletionGracePeriodSeconds).toBe(20);
    const shorter = store.delete(POD, "bookinfo", b ?? "", { gracePeriodSeconds: 5 }).object;
    expect(shorter.metadata.deletionGracePeriodSeconds).toBe(5);
    expect(Date.parse(shorter.metadata.deletionTimestamp ?? "") - Date.parse(first.metadata.deletionTimestamp ?? "")).toBe(-15_000);
    expect(store.delete(POD, "bookinfo", b ?? "", { gracePeriodSeconds: 10 }).object.metadata.deletionGracePeriodSeconds).toBe(5);
    expect(store.delete(POD, "bookinfo", b ?? "", { gracePeriodSeconds: 0 }).gone).toBe(true);
  });

  it("the termination delay is capped by the grace period", async () => {
    const store = createClusterStore("west", types);
    seedSystem(store);
    kubectlApply(store, namespaceManifest("bookinfo"));
    running = startControllers(store, { podReadyDelayMs: 20, podTerminationDelayMs: 60_000 });
    const controllers = running;
    const body = { apiVersion: "v1", kind: "Pod", metadata: { name: "quick", namespace: "bookinfo" }, spec: { terminationGracePeriodSeconds: 1, containers: [{ name: "c", image: "img:1" }] } };
    store.create(POD, body);
    await until("quick running", () => (store.get(POD, "bookinfo", "quick")?.status as { phase?: string } | undefined)?.phase === "Running" || undefined);
    const started = Date.now();
    store.delete(POD, "bookinfo", "quick");
    await controllers.waitForIdle(5000);
    expect(store.get(POD, "bookinfo", "quick")).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("a pod deleted while its container is stopped goes at once (nothing left to stop), as Failed", async () => {
    const { store, settle } = await withApp(1);
    const name = store.list(POD, "bookinfo")[0]?.metadata.name ?? "";
    runningSet()?.setPodFault("bookinfo", name, "stop");
    await settle();
    const phases: string[] = [];
    const stop = store.watch(POD, undefined, (e) => void (e.object.metadata.name === name && phases.push(String((e.object.status as { phase?: string }).phase))));
    const started = Date.now();
    store.delete(POD, "bookinfo", name);
    await until("the stopped pod gone", () => (store.get(POD, "bookinfo", name) ? undefined : true));
    stop();
    expect(Date.now() - started).toBeLessThan(TERMINATION_MS - 10);
    // Its container was killed (exit 137), so the pod ends Failed, not Succeeded.
    expect(phases).toEqual(["Running", "Failed", "Failed"]);
  });

  it("a deleted namespace waits, Terminating, until its pods have terminated, then goes", async () => {
    const { store, settle } = await withApp(2);
    const NS = t("", "Namespace");
    store.delete(NS, undefined, "bookinfo");
    expect(store.get(NS, undefined, "bookinfo")?.status).toMatchObject({ phase: "Terminating" });
    expect(store.list(POD, "bookinfo").every((p) => p.metadata.deletionTimestamp !== undefined)).toBe(true);
    expect(store.list(POD, "bookinfo")).toHaveLength(2);
    await settle();
    expect(store.list(POD, "bookinfo")).toHaveLength(0);
    expect(store.get(NS, undefined, "bookinfo")).toBeUndefined();
  });
});

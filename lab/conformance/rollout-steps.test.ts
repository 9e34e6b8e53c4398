// Issue #15 rollouts step by maxSurge/maxUnavailable (pkg/controller/deployment/rolling.go): while a template
// change rolls out, the ReplicaSets' replicas never sum past desired + maxSurge and the ready pods never drop
// below desired − maxUnavailable; Recreate stops every old pod before the first new one exists; old ReplicaSets
// beyond revisionHistoryLimit are deleted once the rollout is complete.
import { afterEach, describe, expect, it } from "vitest";
import { startControllers, type ControllerSet } from "../controllers/index";
import { seedSystem } from "../scenarios/system";
import type { KubeObject } from "../apiserver/types";
import { pick, startLab, until, type Lab } from "./harness";

let lab: Lab | undefined;
let controllers: ControllerSet | undefined;
afterEach(async () => {
  controllers?.stop();
  await lab?.close();
});

const DEPLOYS = "/apis/apps/v1/namespaces/default/deployments";

async function start(): Promise<Lab> {
  const l = await startLab({ namespaces: [] });
  seedSystem(l.store);
  controllers = startControllers(l.store, { podReadyDelayMs: 15, podTerminationDelayMs: 10 });
  await controllers.waitForIdle(10_000);
  lab = l;
  return l;
}

function deployment(strategy: Record<string, unknown>, image: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const labels = { app: "web" };
  return {
    apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "default" },
    spec: { replicas: 4, strategy, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: "web", image }] } }, ...extra },
  };
}

/** Follows the ReplicaSets' replicas and the ready, active pods from the store's watch. */
function observe(l: Lab): { maxSurge: () => number; minReady: () => number; overlap: () => boolean; stop: () => void } {
  const rsType = l.store.types.byKind("apps", "ReplicaSet");
  const podType = l.store.types.byKind("", "Pod");
  if (!rsType || !podType) throw new Error("types");
  const replicas = new Map<string, number>();
  const pods = new Map<string, KubeObject>();
  let maxTotal = 0;
  let minReady = Number.POSITIVE_INFINITY;
  let overlap = false;
  const ready = (p: KubeObject): boolean => !p.metadata.deletionTimestamp && JSON.stringify(p.status ?? {}).includes('"type":"Ready","status":"True"');
  const stopRs = l.store.watch(rsType, undefined, (e) => {
    if (e.type === "DELETED") replicas.delete(e.object.metadata.name ?? "");
    else replicas.set(e.object.metadata.name ?? "", Number(pick(e.object, "spec.replicas") ?? 0));
    maxTotal = Math.max(maxTotal, [...replicas.values()].reduce((a, b) => a + b, 0));
  });
  const stopPods = l.store.watch(podType, undefined, (e) => {
    if (e.type === "DELETED") pods.delete(e.object.metadata.name ?? "");
    else pods.set(e.object.metadata.name ?? "", e.object);
    minReady = Math.min(minReady, [...pods.values()].filter(ready).length);
    const hashes = new Set([...pods.values()].map((p) => p.metadata.labels?.["pod-template-hash"]));
    if (hashes.size > 1) overlap = true;
  });
  for (const p of l.store.list(podType, "default")) pods.set(p.metadata.name ?? "", p);
  for (const rs of l.store.list(rsType, "default")) replicas.set(rs.metadata.name ?? "", Number(pick(rs, "spec.replicas") ?? 0));
  return { maxSurge: () => maxTotal, minReady: () => minReady, overlap: () => overlap, stop: () => (stopRs(), stopPods()) };
}

async function rollTo(l: Lab, image: string): Promise<void> {
  const reply = await l.call("PATCH", `${DEPLOYS}/web`, [{ op: "replace", path: "/spec/template/spec/containers/0/image", value: image }], { "Content-Type": "application/json-patch+json" });
  expect(reply.status).toBe(200);
  await until(async () => {
    const d = (await l.call("GET", `${DEPLOYS}/web`)).body;
    const generation = Number(pick(d, "metadata.generation"));
    return Number(pick(d, "status.observedGeneration")) === generation && pick(d, "status.updatedReplicas") === 4 && pick(d, "status.replicas") === 4 && pick(d, "status.availableReplicas") === 4;
  }, 15_000);
  await controllers?.waitForIdle(5000);
}

describe("rolling update steps", () => {
  it.each([
    ["maxSurge 1, maxUnavailable 0", { maxSurge: 1, maxUnavailable: 0 }, 5, 4],
    ["maxSurge 0, maxUnavailable 2", { maxSurge: 0, maxUnavailable: 2 }, 4, 2],
    ["the defaults 25%/25% of 4", undefined, 5, 3],
  ])("%s: replicas ≤ desired + surge, ready ≥ desired − unavailable", async (_name, rollingUpdate, maxTotal, minReady) => {
    const l = await start();
    const strategy = { type: "RollingUpdate", ...(rollingUpdate ? { rollingUpdate } : {}) };
    expect((await l.call("POST", DEPLOYS, deployment(strategy, "web:1"))).status).toBe(201);
    await until(async () => pick((await l.call("GET", `${DEPLOYS}/web`)).body, "status.availableReplicas") === 4, 15_000);
    await controllers?.waitForIdle(5000);
    const seen = observe(l);
    await rollTo(l, "web:2");
    seen.stop();
    expect(seen.maxSurge()).toBe(maxTotal);
    expect(seen.minReady()).toBe(minReady);
  });

  it("Recreate: every old pod is gone before the first new pod is created", async () => {
    const l = await start();
    expect((await l.call("POST", DEPLOYS, deployment({ type: "Recreate" }, "web:1"))).status).toBe(201);
    await until(async () => pick((await l.call("GET", `${DEPLOYS}/web`)).body, "status.availableReplicas") === 4, 15_000);
    const seen = observe(l);
    await rollTo(l, "web:2");
    seen.stop();
    expect(seen.overlap()).toBe(false);
    expect(seen.minReady()).toBe(0);
  });

  it("revisionHistoryLimit 1: after three rollouts only the new ReplicaSet and one old one are left", async () => {
    const l = await start();
    await l.call("POST", DEPLOYS, deployment({ type: "RollingUpdate" }, "web:1", { revisionHistoryLimit: 1 }));
    for (const image of ["web:2", "web:3", "web:4"]) await rollTo(l, image);
    const sets = (await l.call("GET", "/apis/apps/v1/namespaces/default/replicasets")).body.items as KubeObject[];
    const revisions = sets.map((rs) => [rs.metadata.annotations?.["deployment.kubernetes.io/revision"], pick(rs, "spec.replicas")]);
    expect(revisions.sort()).toEqual([["3", 0], ["4", 4]]);
    expect(pick((await l.call("GET", `${DEPLOYS}/web`)).body, "metadata.annotations")).toMatchObject({ "deployment.kubernetes.io/revision": "4" });
  });

  it("a rollout that makes no progress for progressDeadlineSeconds is Progressing=False ProgressDeadlineExceeded, then completes", async () => {
    const l = await start();
    await l.call("POST", DEPLOYS, deployment({ type: "RollingUpdate" }, "web:1", { progressDeadlineSeconds: 1 }));
    await until(async () => pick((await l.call("GET", `${DEPLOYS}/web`)).body, "status.availableReplicas") === 4, 15_000);
    const node = `/api/v1/nodes/${l.store.cluster}-node-1`;
    // A cordoned node: the new pods stay Pending, so the rollout cannot progress.
    expect((await l.call("PATCH", node, { spec: { unschedulable: true } })).status).toBe(200);
    await l.call("PATCH", `${DEPLOYS}/web`, [{ op: "replace", path: "/spec/template/spec/containers/0/image", value: "web:2" }], { "Content-Type": "application/json-patch+json" });
    const progressing = async (): Promise<Record<string, unknown> | undefined> => {
      const conditions = pick((await l.call("GET", `${DEPLOYS}/web`)).body, "status.conditions") as Array<Record<string, unknown>> | undefined;
      return conditions?.find((c) => c.type === "Progressing");
    };
    await until(async () => (await progressing())?.reason === "ProgressDeadlineExceeded", 10_000);
    const newRs = ((await l.call("GET", "/apis/apps/v1/namespaces/default/replicasets")).body.items as KubeObject[])
      .find((rs) => rs.metadata.annotations?.["deployment.kubernetes.io/revision"] === "2");
    expect(await progressing()).toMatchObject({ status: "False", message: `ReplicaSet "${newRs?.metadata.name ?? "?"}" has timed out progressing.` });
    expect(pick((await l.call("GET", `${DEPLOYS}/web`)).body, "status.availableReplicas")).toBe(3);
    await l.call("PATCH", node, { spec: { unschedulable: null } });
    await until(async () => (await progressing())?.reason === "NewReplicaSetAvailable", 15_000);
    expect(await progressing()).toMatchObject({ status: "True", message: `ReplicaSet "${newRs?.metadata.name ?? "?"}" has successfully progressed.` });
  });
});

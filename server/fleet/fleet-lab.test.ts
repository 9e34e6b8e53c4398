// Integration: the fleet cache against the real lab (three clusters on ephemeral ports), through
// client-node over HTTP exactly as in production.
import { CustomObjectsApi, KubeConfig } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KubeObject } from "@/lab/apiserver/types";
import { startTestLab, type LabFixture } from "@/lab/conformance/fixture";
import { parseEnv } from "@/server/env";
import { clusterOf, waitForSnapshot } from "@/server/testing/wait-for-snapshot";
import { startFleetService } from "./service";

let fx: LabFixture;
let service: ReturnType<typeof startFleetService>;

beforeAll(async () => {
  // A short watch history so a watch resumed after an outage with many writes gets 410 Expired.
  fx = await startTestLab({ historySize: 30 });
  const env = parseEnv({}, "/nowhere");
  service = startFleetService(
    {
      ...env,
      kubeconfigPaths: [fx.kubeconfig],
      probeIntervalMs: 300,
      probeTimeoutMs: 1000,
      listTimeoutMs: 1000,
      backoff: { initialMs: 100, maxMs: 400 },
      flushIntervalMs: 50,
    },
    () => undefined,
  );
  await service.ready();
});
afterAll(async () => {
  service.stop();
  await fx.close();
});

const snapshots = () => service.snapshots;
const storeOf = (name: string) => {
  const cluster = fx.lab.clusters.find((c) => c.name === name);
  if (!cluster) throw new Error(`no lab cluster ${name}`);
  return cluster.store;
};
const typeOf = (name: string, group: string, kind: string) => {
  const type = storeOf(name).types.byKind(group, kind);
  if (!type) throw new Error(`no type ${kind}`);
  return type;
};
const configMapless = (name: string, namespace: string): KubeObject => ({
  apiVersion: "v1",
  kind: "Service",
  metadata: { name, namespace },
  spec: { ports: [{ name: "http", port: 80 }], selector: { app: name } },
});
const synced = (name: string) => (s: Parameters<Parameters<typeof waitForSnapshot>[2]>[0]) => clusterOf(s, name)?.state === "synced";

describe("fleet cache against the lab", () => {
  it("syncs every cluster and caches what the API serves (managedFields reduced to manager and operation)", async () => {
    const snapshot = await waitForSnapshot(snapshots(), "all synced", (s) => s.clusters.length === 3 && s.clusters.every((c) => c.state === "synced"));
    expect(snapshot.clusters.map((c) => [c.name, c.management])).toEqual([["west", true], ["east", false], ["north", false]]);
    for (const cluster of snapshot.clusters) {
      const services = storeOf(cluster.name).list(typeOf(cluster.name, "", "Service"));
      expect([...cluster.objects.Service.keys()].sort()).toEqual(services.map((s) => `${s.metadata.namespace}/${s.metadata.name}`).sort());
      expect(cluster.version).toMatch(/^v1\./);
    }
    const west = clusterOf(snapshot, "west");
    expect(west?.objects.Workspace.size).toBeGreaterThan(0);
    expect(clusterOf(snapshot, "east")?.objects.Workspace.size).toBe(0);
    for (const obj of west?.objects.Service.values() ?? []) for (const entry of obj.metadata.managedFields ?? []) expect(Object.keys(entry).sort()).toEqual(["manager", "operation"]);
  });

  it("a client-node write in a lab cluster reaches the snapshot", async () => {
    const kc = new KubeConfig();
    kc.loadFromFile(fx.kubeconfig);
    kc.setCurrentContext("east");
    const before = service.snapshots.current().revision;
    await kc.makeApiClient(CustomObjectsApi).createNamespacedCustomObject({
      group: "networking.istio.io",
      version: "v1",
      namespace: "bookinfo",
      plural: "workloadentries",
      body: { apiVersion: "networking.istio.io/v1", kind: "WorkloadEntry", metadata: { name: "vm-written" }, spec: { address: "10.9.9.9" } },
    });
    const snapshot = await waitForSnapshot(snapshots(), "the WorkloadEntry", (s) => clusterOf(s, "east")?.objects.WorkloadEntry.has("bookinfo/vm-written") ?? false);
    expect(snapshot.revision).toBeGreaterThan(before);
  });

  it.each([
    ["refuse", "refused", /The API server of north refused the connection/],
    ["hang", "timeout", /The API server of north did not answer within 1 s/],
    ["unauthorized", "unauthorized", /north rejected the kubeconfig credentials \(401 Unauthorized\)/],
  ] as const)("%s: north turns stale with a sentence, keeps its objects, the others keep updating, then it resyncs", async (mode, reason, sentence) => {
    await waitForSnapshot(snapshots(), "north synced", synced("north"));
    const known = clusterOf(service.snapshots.current(), "north")?.objects.Service.size ?? 0;
    expect(known).toBeGreaterThan(0);
    await fx.lab.setFault("north", { mode });
    const stale = await waitForSnapshot(snapshots(), "north stale", (s) => clusterOf(s, "north")?.state === "stale");
    const north = clusterOf(stale, "north");
    expect(north?.lastError?.reason).toBe(reason);
    expect(north?.lastError?.message).toMatch(sentence);
    expect(north?.staleSince).toMatch(/^\d{4}-/);
    // Stale, never empty: the last known objects stay.
    expect(north?.objects.Service.size).toBe(known);
    // The other clusters keep updating meanwhile.
    storeOf("west").create(typeOf("west", "", "Service"), configMapless(`during-${mode}`, "bookinfo"));
    await waitForSnapshot(snapshots(), "west update", (s) => clusterOf(s, "west")?.objects.Service.has(`bookinfo/during-${mode}`) ?? false);
    // A change in north during the outage shows once it is back, without anyone asking.
    storeOf("north").create(typeOf("north", "", "Service"), configMapless(`missed-${mode}`, "bookinfo"));
    await fx.lab.setFault("north", { mode: "none" });
    const back = await waitForSnapshot(snapshots(), "north resynced", (s) => {
      const c = clusterOf(s, "north");
      return c?.state === "synced" && c.objects.Service.has(`bookinfo/missed-${mode}`);
    });
    expect(clusterOf(back, "north")?.staleSince).toBeUndefined();
  });

  it("relists after 410 Expired: deletions during an outage longer than the watch history are seen", async () => {
    await waitForSnapshot(snapshots(), "east synced", synced("east"));
    const svc = typeOf("east", "", "Service");
    storeOf("east").create(svc, configMapless("doomed", "bookinfo"));
    await waitForSnapshot(snapshots(), "doomed cached", (s) => clusterOf(s, "east")?.objects.Service.has("bookinfo/doomed") ?? false);
    await fx.lab.setFault("east", { mode: "refuse" });
    await waitForSnapshot(snapshots(), "east stale", (s) => clusterOf(s, "east")?.state === "stale");
    storeOf("east").delete(svc, "bookinfo", "doomed");
    // More writes than the history keeps: resuming from the old resourceVersion must get 410.
    for (let i = 0; i < 40; i++) storeOf("east").create(svc, configMapless(`churn-${i}`, "bookinfo"));
    await fx.lab.setFault("east", { mode: "none" });
    const back = await waitForSnapshot(snapshots(), "east relisted", (s) => {
      const c = clusterOf(s, "east");
      return c?.state === "synced" && !c.objects.Service.has("bookinfo/doomed") && c.objects.Service.has("bookinfo/churn-39");
    });
    const expected = storeOf("east").list(svc).map((s) => `${s.metadata.namespace}/${s.metadata.name}`).sort();
    expect([...(clusterOf(back, "east")?.objects.Service.keys() ?? [])].sort()).toEqual(expected);
  });
});

// Integration: the fleet cache watches each lab cluster's Nodes (cluster-scoped, cached as name, uid,
// resourceVersion and labels only), and a cluster's locality comes from the Node its east-west gateway pod is
// bound to — the pods themselves carry no topology labels, as in Kubernetes 1.32.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestLab, type LabFixture } from "@/lab/conformance/fixture";
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { clusterLocality } from "@/lib/registry/plan-input-adapter";
import { parseEnv } from "@/server/env";
import { clusterOf, waitForSnapshot } from "@/server/testing/wait-for-snapshot";
import { startFleetService } from "./service";

let fx: LabFixture;
let service: ReturnType<typeof startFleetService>;

beforeAll(async () => {
  fx = await startTestLab();
  const env = parseEnv({}, "/nowhere");
  const options = { probeIntervalMs: 300, probeTimeoutMs: 1000, listTimeoutMs: 1000, backoff: { initialMs: 100, maxMs: 400 }, flushIntervalMs: 50 };
  service = startFleetService({ ...env, ...options, kubeconfigPaths: [fx.kubeconfig] }, () => undefined);
  await service.ready();
});
afterAll(async () => {
  service.stop();
  await fx.close();
});

const locality = (snapshot: FleetSnapshot, name: string) => {
  const cluster = snapshot.clusters.find((c) => c.name === name);
  return cluster ? clusterLocality(cluster) : "no such cluster";
};

describe("Nodes in the fleet cache", () => {
  it("caches every cluster's Node as its name, uid, resourceVersion and labels", async () => {
    const snapshot = await waitForSnapshot(service.snapshots, "all synced", (s) => s.clusters.length === 3 && s.clusters.every((c) => c.state === "synced"));
    for (const cluster of snapshot.clusters) {
      const nodes = [...cluster.objects.Node.entries()];
      expect(nodes.map(([key]) => key)).toEqual([`${cluster.name}-node-1`]);
      const [, node] = nodes[0] ?? [];
      expect(Object.keys(node ?? {}).sort()).toEqual(["apiVersion", "kind", "metadata"]);
      expect(Object.keys(node?.metadata ?? {}).sort()).toEqual(["labels", "name", "resourceVersion", "uid"]);
      expect(node?.metadata.labels).toMatchObject({ "topology.kubernetes.io/region": `lab-${cluster.name}`, "topology.kubernetes.io/zone": `lab-${cluster.name}-a` });
    }
  });

  it("derives a cluster's locality from its east-west gateway pod's Node, and none without a gateway", async () => {
    const store = fx.lab.clusters.find((c) => c.name === "east")?.store;
    const igw = store?.types.byKind("install.tetrate.io", "IngressGateway");
    if (!store || !igw) throw new Error("no east cluster");
    expect(locality(service.snapshots.current(), "east")).toBeUndefined();
    store.create(igw, { apiVersion: "install.tetrate.io/v1alpha1", kind: "IngressGateway", metadata: { name: "eastwest-gateway", namespace: "bookinfo" }, spec: { eastWestOnly: true } });
    const snapshot = await waitForSnapshot(service.snapshots, "east's gateway pod bound", (s) =>
      [...(clusterOf(s, "east")?.objects.Pod.values() ?? [])].some((p) => p.metadata.labels?.app === "eastwest-gateway" && typeof (p.spec as { nodeName?: unknown }).nodeName === "string"),
    );
    const pods = [...(clusterOf(snapshot, "east")?.objects.Pod.values() ?? [])].filter((p) => p.metadata.labels?.app === "eastwest-gateway");
    expect(pods.flatMap((p) => Object.keys(p.metadata.labels ?? {})).filter((k) => k.startsWith("topology."))).toEqual([]);
    expect(locality(snapshot, "east")).toBe("lab-east/lab-east-a");
    expect(locality(snapshot, "west")).toBeUndefined();
  });
});

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createClusterStore } from "../apiserver/store";
import { createTypeRegistry } from "../apiserver/types-registry";
import type { ClusterStore, KubeObject } from "../apiserver/types";
import { startLab } from "../start";
import { scenarios } from "./index";
import { scaleWorkspaces } from "./scale";

const types = createTypeRegistry();
const kind = (group: string, k: string) => {
  const t = types.byKind(group, k);
  if (!t) throw new Error(k);
  return t;
};

function seeded(options: { clusters: number; services: number; workspaces?: number; gateways?: boolean }): ClusterStore[] {
  const stores = scenarios.scale.clusterNames(options).map((c) => createClusterStore(c, types));
  scenarios.scale.seed(stores, options);
  return stores;
}

const spec = (o: KubeObject | undefined) => o?.spec as Record<string, unknown> | undefined;

describe("scale scenario: workspaces", () => {
  it("one workspace by default, scale-ws over every ns-* namespace (today's world)", () => {
    const [first] = seeded({ clusters: 2, services: 60 });
    const workspaces = first?.list(kind("tsb.tetrate.io", "Workspace")) ?? [];
    expect(workspaces.map((w) => w.metadata.name)).toEqual(["scale-ws"]);
    expect(spec(workspaces[0])).toEqual({ namespaceSelector: { names: ["*/ns-*"] } });
  });

  it("N workspaces split the namespaces in contiguous runs, each setting selecting the east-west gateway", () => {
    const [first, second] = seeded({ clusters: 2, services: 500, workspaces: 5 });
    const workspaces = first?.list(kind("tsb.tetrate.io", "Workspace")) ?? [];
    expect(workspaces.map((w) => w.metadata.name).sort()).toEqual(["scale-ws-1", "scale-ws-2", "scale-ws-3", "scale-ws-4", "scale-ws-5"]);
    const byName = new Map(workspaces.map((w) => [w.metadata.name, w]));
    expect(spec(byName.get("scale-ws-2"))).toEqual({ namespaceSelector: { names: ["*/ns-005", "*/ns-006", "*/ns-007", "*/ns-008"] } });
    expect(byName.get("scale-ws-2")?.metadata.namespace).toBe("ns-005");
    const settings = first?.list(kind("settings.tetrate.io", "WorkspaceSetting")) ?? [];
    expect(settings).toHaveLength(5);
    for (const s of settings) expect(spec(s)).toMatchObject({ defaultEastWestGatewaySettings: { workloadSelector: { app: "eastwest-gateway" } } });
    expect(second?.list(kind("tsb.tetrate.io", "Workspace"))).toEqual([]);
  });

  it("uneven splits give the first runs one namespace more; never more workspaces than namespaces", () => {
    const ns = ["a", "b", "c", "d", "e", "f", "g"];
    expect(scaleWorkspaces(ns, 3).map((w) => w.namespaces)).toEqual([["a", "b", "c"], ["d", "e"], ["f", "g"]]);
    expect(scaleWorkspaces(["a", "b"], 5).map((w) => w.name)).toEqual(["scale-ws-1", "scale-ws-2"]);
    expect(scaleWorkspaces(ns, 0)).toEqual([{ name: "scale-ws", namespaces: ns }]);
  });
});

describe("scale scenario: gateways", () => {
  it("no gateway unless asked", () => {
    const [first] = seeded({ clusters: 1, services: 25 });
    expect(first?.list(kind("install.tetrate.io", "IngressGateway"))).toEqual([]);
  });

  it("a gateway in every cluster's ns-001, applied as the console applies it (label, field manager, Apply)", () => {
    const stores = seeded({ clusters: 3, services: 50, workspaces: 2, gateways: true });
    for (const store of stores) {
      const gw = store.get(kind("install.tetrate.io", "IngressGateway"), "ns-001", "eastwest-gateway");
      expect(gw?.spec).toEqual({ eastWestOnly: true });
      expect(gw?.metadata.labels).toEqual({ "app.kubernetes.io/managed-by": "eastwest-console" });
      expect(gw?.metadata.managedFields?.map((m) => `${m.manager}/${m.operation}`)).toEqual(["eastwest-console/Apply"]);
    }
  });

  it("the lab's controllers make each gateway ready: an addressed LoadBalancer Service and a Ready pod", async () => {
    const kubeconfigPath = join(mkdtempSync(join(tmpdir(), "scale-gw-")), "kubeconfig");
    const lab = await startLab({ scenario: "scale", clusters: 2, services: 25, gateways: true, kubeconfigPath, portBase: 0, adminPort: 0 });
    try {
      for (const { store } of lab.clusters) {
        const svc = store.get(kind("", "Service"), "ns-001", "eastwest-gateway");
        expect(spec(svc)?.type).toBe("LoadBalancer");
        const status = svc?.status as { loadBalancer?: { ingress?: unknown[] } } | undefined;
        expect(status?.loadBalancer?.ingress?.length).toBeGreaterThan(0);
        const pods = store.list(kind("", "Pod"), "ns-001").filter((p) => p.metadata.labels?.app === "eastwest-gateway");
        const ready = pods.filter((p) => (p.status as { conditions?: Array<{ type: string; status: string }> }).conditions?.some((c) => c.type === "Ready" && c.status === "True"));
        expect(ready.length).toBeGreaterThan(0);
      }
    } finally {
      await lab.stop();
    }
  });
});
